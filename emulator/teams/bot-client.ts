import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context';
import { appOfBot } from '../connector/conversations';
import type { Conversation } from '../tenant/state';

const CHANNEL_ISSUER = 'https://api.botframework.com';
/** Teams gives a bot 15 seconds to answer an invoke before it shows the user an error. */
const BOT_TIMEOUT_MS = 15_000;

/** The bot as a channel account in its conversations: `28:{appId}` and the app's name. */
export function botAccount(ctx: EmulatorContext, botAppId: string): { id: string; name: string } {
  return { id: `28:${botAppId}`, name: appOfBot(ctx, botAppId)?.displayName ?? ctx.state.directory.botClient.displayName };
}

/** Channel tokens live an hour; one is reused until it has less than this many seconds left. */
const TOKEN_REUSE_MARGIN_SECONDS = 600;
const channelTokens = new WeakMap<EmulatorContext['signing'], Map<string, { token: Promise<string>; exp: number }>>();

/**
 * The JWT the channel sends with every activity: issuer `https://api.botframework.com`, audience the bot,
 * `serviceurl` the activity's serviceUrl (botbuilder checks all three). Like the Bot Framework's own tokens it is
 * reused while it is valid (signing each post cost about 0.5 ms, a third of a read receipt's cost in a burst).
 */
export function signChannelToken(ctx: EmulatorContext, botAppId: string, serviceUrl: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  let cache = channelTokens.get(ctx.signing);
  if (!cache) channelTokens.set(ctx.signing, (cache = new Map()));
  const key = `${botAppId}|${serviceUrl}`;
  const cached = cache.get(key);
  if (cached && cached.exp - now > TOKEN_REUSE_MARGIN_SECONDS) return cached.token;
  const exp = now + 3600;
  const token = ctx.signing.sign({ iss: CHANNEL_ISSUER, aud: botAppId, serviceurl: serviceUrl, iat: now, nbf: now - 5, exp });
  cache.set(key, { token, exp });
  token.catch(() => cache.delete(key));
  return token;
}

/**
 * Posts one activity to the bot's messaging endpoint, signed as the channel, and returns the bot's answer
 * (an invoke's body, or nothing for a message). Throws when no bot is attached or it cannot be reached.
 */
export async function sendToBot(
  ctx: EmulatorContext,
  activity: Record<string, unknown>,
): Promise<{ status: number; body: unknown }> {
  if (!ctx.botEndpoint) throw new Error('No bot is attached to the emulator: start it with --bot-endpoint.');
  const serviceUrl = typeof activity.serviceUrl === 'string' ? activity.serviceUrl : ctx.urls.botServiceUrl;
  const token = await signChannelToken(ctx, ctx.state.directory.botClient.clientId, serviceUrl);
  const response = await fetch(ctx.botEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(activity),
    signal: AbortSignal.timeout(BOT_TIMEOUT_MS),
  });
  const text = await response.text();
  return { status: response.status, body: parseBody(text) };
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The fields every activity from a user in a conversation carries; callers add `type`, `text`, `value`, `name`….
 * For a channel it adds the team and channel to `channelData`, as Teams does.
 */
export function userActivityBase(ctx: EmulatorContext, conversation: Conversation, userId: string): Record<string, unknown> {
  const user = ctx.state.usersById.get(userId);
  const tenantId = ctx.state.tenantId;
  const channel = conversation.type === 'channel';
  const team = conversation.teamId ? ctx.state.teamsById.get(conversation.teamId) : undefined;
  const channelData: Record<string, unknown> = { tenant: { id: tenantId } };
  if (channel && team) {
    channelData.team = { id: team.internalId, name: team.displayName, aadGroupId: team.id };
    channelData.channel = { id: conversation.channelId ?? conversation.id };
  }
  return {
    id: ctx.state.nextActivityId(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: ctx.urls.botServiceUrl,
    from: { id: user?.teamsUserId ?? userId, aadObjectId: user?.id ?? userId, name: user?.displayName ?? '' },
    recipient: botAccount(ctx, conversation.botAppId),
    conversation: {
      ...(channel ? { isGroup: true } : {}),
      conversationType: channel ? 'channel' : 'personal',
      tenantId,
      id: conversation.id,
    },
    channelData,
    locale: 'en-US',
    entities: [{ type: 'clientInfo', locale: 'en-US' }],
  };
}

/** Ids of system events (`conversationUpdate`, `installationUpdate`) look like `f:{guid}`. */
export function eventId(): string {
  return `f:${randomUUID()}`;
}
