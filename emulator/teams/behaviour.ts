import { setTimeout as sleep } from 'node:timers/promises';
import type { EmulatorContext } from '../context';
import type { Installation } from '../tenant/state';
import { sendToBot } from './bot-client';
import { installActivities } from './install-activities';

/** Delays before each retry of a post the bot did not accept (it may still be starting). */
const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 4000];
/** Teams notifies the bot after the Graph call that caused it has answered, not during it. */
const NOTIFY_DELAY_MS = 20;

/**
 * Makes the emulated Teams notify the bot of installs and uninstalls, as Teams does, with a signed channel JWT.
 * Posts run in the background, in order per installation, retried with backoff; failures are logged, never
 * thrown. Returns the function that detaches it (pending posts are abandoned).
 */
export function attachTeamsBehaviour(ctx: EmulatorContext): () => void {
  const stop = new AbortController();
  const notify = (installation: Installation, action: 'add' | 'remove' | 'add-upgrade'): void => {
    if (!ctx.botEndpoint) return;
    // Built now, while the state still describes the installation; posted after the Graph answer.
    const activities = installActivities(ctx, installation, action);
    void deliverAll(ctx, activities, stop.signal);
  };
  const onInstalled = (installation: Installation): void => notify(installation, 'add');
  const onUninstalled = (installation: Installation): void => notify(installation, 'remove');
  const onUpgraded = (installation: Installation): void => notify(installation, 'add-upgrade');
  ctx.state.on('installed', onInstalled);
  ctx.state.on('uninstalled', onUninstalled);
  ctx.state.on('upgraded', onUpgraded);
  return () => {
    stop.abort();
    ctx.state.off('installed', onInstalled);
    ctx.state.off('uninstalled', onUninstalled);
    ctx.state.off('upgraded', onUpgraded);
  };
}

async function deliverAll(ctx: EmulatorContext, activities: Array<Record<string, unknown>>, signal: AbortSignal): Promise<void> {
  try {
    await sleep(NOTIFY_DELAY_MS, undefined, { signal });
    for (const activity of activities) await deliver(ctx, activity, signal);
  } catch (error) {
    if (!signal.aborted) ctx.log('teams: notifying the bot failed', { error: String(error) });
  }
}

/**
 * One activity, retried while the bot is unreachable or answers 5xx/429; a 4xx is the bot's final word. Resolves
 * to the bot's last status (0 when it was never reached).
 */
export async function deliver(ctx: EmulatorContext, activity: Record<string, unknown>, signal?: AbortSignal): Promise<number> {
  for (let attempt = 0; ; attempt += 1) {
    const outcome = await sendToBot(ctx, activity).then(
      (answer) => ({ status: answer.status, error: undefined }),
      (error: unknown) => ({ status: 0, error: String(error) }),
    );
    const retryable = outcome.status === 0 || outcome.status === 429 || outcome.status >= 500;
    if (!retryable || signal?.aborted) {
      if (outcome.status >= 400) ctx.log('teams: the bot refused an activity', { type: activity.type, status: outcome.status });
      return outcome.status;
    }
    const delay = RETRY_DELAYS_MS[attempt];
    if (delay === undefined) {
      ctx.log('teams: gave up notifying the bot', { type: activity.type, status: outcome.status, error: outcome.error });
      return outcome.status;
    }
    ctx.log('teams: the bot did not take an activity, retrying', { type: activity.type, status: outcome.status, retryInMs: delay });
    await sleep(delay, undefined, { signal });
  }
}
