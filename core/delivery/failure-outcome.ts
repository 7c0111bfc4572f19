import type { RecipientState } from '../recipients/recipient';
import type { Outcome } from '../store/outcomes';
import type { ClaimedRecipient } from '../store/store';
import { classifyFailure, reasonAfterRepair, type Operation } from './classify-failure';
import type { OperationKind } from './rate-limiter';
import { backoffMs } from './retry-policy';
import type { WorkContext } from './work-context';

const KIND: Record<Operation, OperationKind> = {
  install: 'installedAppsPost',
  fetchChat: 'installedAppsGet',
  send: 'connector',
  update: 'connector',
  delete: 'connector',
};

/** Turns a failed call into the outcome the classification asks for; `retryTo` is where a retry waits. */
export function failureOutcome(
  ctx: WorkContext,
  recipient: ClaimedRecipient,
  operation: Operation,
  error: unknown,
  retryTo: 'pending' | 'ready' | 'installing',
): Outcome {
  const now = ctx.clock.now();
  const from: RecipientState = operation === 'send' ? 'sending' : 'installing';
  const message = describeError(error);
  const decision = classifyFailure(operation, error);
  const fail = (reason: string): Outcome => ({ kind: 'failed', id: recipient.id, from, reason, error: message, at: now });
  switch (decision.action) {
    case 'throttle': {
      const waitMs = decision.retryAfterMs ?? ctx.config.retry.defaultThrottleMs;
      ctx.limiter.pause(recipient.tenantId, KIND[operation], waitMs);
      return { kind: 'retry', id: recipient.id, from, to: retryTo, nextAttemptAt: now + waitMs, error: message, countAttempt: false };
    }
    case 'retry': {
      // `attempts` counts earlier failures; this one makes attempts + 1.
      const failures = recipient.attempts + 1;
      if (failures >= ctx.config.retry.maxAttempts) return fail('retries_exhausted');
      return { kind: 'retry', id: recipient.id, from, to: retryTo, nextAttemptAt: now + backoffMs(ctx.config.retry, failures, ctx.random), error: message, countAttempt: true };
    }
    case 'repair':
      if (recipient.repaired) return fail(reasonAfterRepair(error));
      return { kind: 'repair', id: recipient.id, tenantId: recipient.tenantId, userId: recipient.userId, error: message, at: now };
    case 'fail':
      return fail(decision.reason);
  }
}

/** The error as a short line for `last_error` (never a card body or token). */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const status = 'status' in error ? ` (${String(error.status)}${'code' in error && error.code ? ` ${String(error.code)}` : ''})` : '';
    return `${error.message}${status}`.slice(0, 500);
  }
  return String(error).slice(0, 500);
}
