import type { Recipient } from '../recipients/recipient';
import type { Outcome } from '../store/outcomes';
import type { Store } from '../store/store';
import { classifyFailure, type Operation } from './classify-failure';
import type { ProgressHub } from './progress';
import { backoffMs } from './retry-policy';
import { inSlot } from './rate-limiter';
import type { WorkContext } from './work-context';
import { mapLimited } from '../shared/map-limited';

const PAGE = 500;

export interface FollowupReport {
  operation: 'edit' | 'recall';
  total: number;
  succeeded: number;
  failed: number;
  /** Failure reason code → how many. */
  reasons: Record<string, number>;
}

/**
 * Updates (edit) or deletes (recall) the sent card in every recipient's chat, rate-limited like sends, recording
 * each person's outcome. Running it again after an interruption redoes only who has not succeeded yet.
 */
export async function runFollowup(
  ctx: WorkContext,
  store: Store,
  progress: ProgressHub,
  notificationId: string,
  operation: 'edit' | 'recall',
  activity: Record<string, unknown>,
): Promise<FollowupReport> {
  const report: FollowupReport = { operation, total: 0, succeeded: 0, failed: 0, reasons: {} };
  const done = operation === 'edit' ? 'updated' : 'recalled';
  if (operation === 'edit') await store.recipients.resetFollowups(notificationId);
  let afterId = 0;
  for (;;) {
    const page = await store.recipients.sentAfter(notificationId, afterId, PAGE, done);
    if (page.length === 0) break;
    afterId = page[page.length - 1]!.id;
    const outcomes = await mapLimited(page, ctx.config.maxSendsInFlight, (recipient) => followOne(ctx, recipient, operation === 'edit' ? 'update' : 'delete', activity));
    await store.recipients.apply(outcomes);
    for (const outcome of outcomes) tally(report, outcome);
    progress.emit({ type: 'followup', notificationId, operation, done: report.succeeded, failed: report.failed, finished: false, at: ctx.clock.now() });
  }
  progress.emit({ type: 'followup', notificationId, operation, done: report.succeeded, failed: report.failed, finished: true, at: ctx.clock.now() });
  return report;
}

/** One update or delete, retried in place on throttling and transient errors (nothing here is crash-critical). */
async function followOne(ctx: WorkContext, recipient: Recipient, operation: Operation, activity: Record<string, unknown>): Promise<Outcome> {
  const address = { conversationId: recipient.conversationId ?? '', serviceUrl: recipient.serviceUrl ?? '', tenantId: recipient.tenantId };
  const activityId = recipient.activityId ?? '';
  for (let attempt = 1; ; attempt += 1) {
    try {
      await inSlot(ctx.limiter, recipient.tenantId, 'connector', () =>
        operation === 'update' ? ctx.messenger.update(address, activityId, activity) : ctx.messenger.delete(address, activityId),
        // Edits and recalls take what first deliveries leave of the tenant's Connector budget.
        'fill',
      );
      return { kind: 'followup', id: recipient.id, status: operation === 'update' ? 'updated' : 'recalled', reason: null };
    } catch (error) {
      const decision = classifyFailure(operation, error);
      if (decision.action === 'throttle') {
        ctx.limiter.pause(recipient.tenantId, 'connector', decision.retryAfterMs ?? ctx.config.retry.defaultThrottleMs);
        continue;
      }
      if (decision.action === 'retry' && attempt < ctx.config.retry.maxAttempts) {
        await ctx.clock.sleep(backoffMs(ctx.config.retry, attempt, ctx.random));
        continue;
      }
      const reason = decision.action === 'fail' ? decision.reason : decision.action === 'retry' ? 'retries_exhausted' : 'conversation_lost';
      return { kind: 'followup', id: recipient.id, status: 'failed', reason };
    }
  }
}

function tally(report: FollowupReport, outcome: Outcome): void {
  if (outcome.kind !== 'followup') return;
  report.total += 1;
  if (outcome.status === 'failed') {
    report.failed += 1;
    const reason = outcome.reason ?? 'unexpected';
    report.reasons[reason] = (report.reasons[reason] ?? 0) + 1;
  } else report.succeeded += 1;
}
