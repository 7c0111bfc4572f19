import { startTestHerald, finished, type TestHerald } from '../../support/herald';
import { reachableMembers } from '../../support/deliveries';
import type { CardContentInput } from '../../../core/cards/card-content';
import { cardContentSchema } from '../../../core/cards/card-content';
import type { EmulatedUser } from '../../../emulator/tenant/model';

export type { TestHerald };

export interface InspectActivity {
  id: string;
  from: 'bot' | 'user';
  updates: number;
  activity: Record<string, any>;
}

/** Herald composed as `npm start` does, on an emulator with its limits off. */
export function startBotHerald(env: Record<string, string> = {}): Promise<TestHerald> {
  return startTestHerald({ env });
}

/** JSON over real HTTP, with the status. */
export async function http(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const response = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, json: text && type.includes('json') ? JSON.parse(text) : text || undefined };
}

/** The emulated Teams client's API (what the web client calls). */
export const teamsApi = (t: TestHerald): string => `${t.emulator.info.teamsClientUrl}api`;

/** Waits for a condition that the system reaches on its own (events arrive asynchronously). */
export async function until<T>(check: () => Promise<T | undefined | false> | T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Licensed, enabled members who do not have Herald yet. */
export function freshUsers(t: TestHerald, count: number, skip = 0): EmulatedUser[] {
  const state = t.emulator.context.state;
  return reachableMembers(t.emulator)
    .filter((user) => !state.findInstallation(user.id, state.directory.heraldAppId) && !state.policyBlockedUserIds.has(user.id))
    .slice(skip, skip + count);
}

/** What the emulated Teams holds in a conversation, from the inspection API. */
export async function activitiesIn(t: TestHerald, conversationId: string): Promise<InspectActivity[]> {
  const { status, json } = await http('GET', `${t.emulator.info.inspectUrl}/conversations/${encodeURIComponent(conversationId)}/activities`);
  return status === 200 ? (json.activities as InspectActivity[]) : [];
}

/** The user's 1:1 conversation with Herald (created by Teams on install). */
export function personalConversationId(t: TestHerald, userId: string): string {
  const state = t.emulator.context.state;
  return state.personalConversation(userId, state.directory.botClient.clientId).id;
}

/** Cards the bot sent, as text: every TextBlock of every attachment joined. */
export function cardText(activity: Record<string, any>): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (element.type === 'TextBlock' && typeof element.text === 'string') texts.push(element.text);
      Object.values(element).forEach(walk);
    }
  };
  walk(activity.attachments ?? activity);
  return texts.join('\n');
}

/** A notification as the tab's API creates it: the card built for its own id, the author's content kept. */
export async function sendContent(t: TestHerald, content: CardContentInput, userIds: string[]): Promise<string> {
  const { herald } = t;
  const actor = await herald.operator();
  const audience = { include: userIds.map((userId) => ({ kind: 'user' as const, id: userId })), exclude: [], includeGuests: false };
  const { notification } = await herald.notifications.createDraft(actor, { content: cardContentSchema.parse(content), audience });
  await (await herald.notifications.send(actor, notification.id)).work;
  await finished(herald, notification.id);
  return notification.id;
}

/** The activity id of the card a notification put in a user's chat. */
export async function sentActivityId(t: TestHerald, notificationId: string, userId: string): Promise<string> {
  const page = await t.herald.store.recipients.page(notificationId, 0, 1000);
  const row = page.find((recipient) => recipient.userId === userId);
  if (!row?.activityId) throw new Error(`no card was sent to ${userId}`);
  return row.activityId;
}
