import { classifyFailure } from '../delivery/classify-failure';
import { describeFailure } from '../delivery/failure-reasons';
import { backoffMs } from '../delivery/retry-policy';
import { inSlot } from '../delivery/rate-limiter';
import type { WorkContext } from '../delivery/work-context';
import { HeraldError } from '../errors/herald-error';
import type { DirectoryPort } from '../ports/directory';
import type { ThreadLimiter } from './thread-limiter';

export interface ChannelPost {
  tenantId: string;
  teamId: string;
  /** The channel's id (`19:…@thread.tacv2`); the team's General channel when absent. */
  channelId?: string;
  activity: Record<string, unknown>;
}

export interface ChannelPostResult {
  conversationId: string;
  activityId: string;
  /** True when Herald had to install itself in the team first. */
  installed: boolean;
}

/**
 * Posts a card to a team's channel: installs Herald in the team when it is missing (`POST /teams/{id}/installedApps`,
 * permission TeamsAppInstallation.ReadWriteSelfForTeam.All), then sends to the channel's conversation, within the
 * tenant's limits and the thread's own, retrying throttling and transient failures like recipient sends.
 */
export async function postToChannel(ctx: WorkContext, directory: DirectoryPort, threads: ThreadLimiter, post: ChannelPost): Promise<ChannelPostResult> {
  const catalogId = await ctx.catalog.id();
  const existing = await withRetries(ctx, post.tenantId, 'installedAppsGet', () => ctx.installer.findTeamInstallation(post.teamId, catalogId));
  if (!existing) {
    await withRetries(ctx, post.tenantId, 'installedAppsPost', () => ctx.installer.installForTeam(post.teamId, catalogId));
  }
  const conversationId = post.channelId ?? (await generalChannel(directory, post.teamId));
  await threads.acquire(conversationId);
  const address = { conversationId, serviceUrl: ctx.config.serviceUrl, tenantId: post.tenantId };
  const { activityId } = await withRetries(ctx, post.tenantId, 'connector', () => ctx.messenger.send(address, post.activity));
  return { conversationId, activityId, installed: !existing };
}

async function generalChannel(directory: DirectoryPort, teamId: string): Promise<string> {
  const channels = await directory.teamChannels(teamId);
  const general = channels.find((channel) => channel.displayName === 'General') ?? channels[0];
  if (!general) throw new HeraldError('not_found', `The team ${teamId} has no channel Herald can post to.`);
  return general.id;
}

/** One call, retried on 429 (after Retry-After, pausing the tenant's call window) and on transient failures. */
async function withRetries<T>(ctx: WorkContext, tenantId: string, kind: 'connector' | 'installedAppsGet' | 'installedAppsPost', call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await inSlot(ctx.limiter, tenantId, kind, call);
    } catch (error) {
      const decision = classifyFailure(kind === 'connector' ? 'send' : 'install', error);
      if (decision.action === 'throttle') {
        ctx.limiter.pause(tenantId, kind, decision.retryAfterMs ?? ctx.config.retry.defaultThrottleMs);
        continue;
      }
      if (decision.action === 'retry' && attempt < ctx.config.retry.maxAttempts) {
        await ctx.clock.sleep(backoffMs(ctx.config.retry, attempt, ctx.random));
        continue;
      }
      const reason = decision.action === 'fail' ? decision.reason : 'retries_exhausted';
      throw new HeraldError('connector_error', `The channel post failed: ${describeFailure(reason)}`, { details: { reason }, cause: error });
    }
  }
}
