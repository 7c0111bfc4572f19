import type { Response } from 'express';
import type { EmulatorContext, LimitRequest } from '../context';
import { connectorFailures, sendFailure } from './errors';

/**
 * Takes the request's throttle units; on exhaustion answers 429 with `Retry-After` (whole seconds, as the
 * Connector sends it) and returns false.
 */
export function admit(ctx: EmulatorContext, res: Response, requests: LimitRequest[]): boolean {
  const decision = ctx.limits.take(requests);
  if (decision.allowed) return true;
  ctx.counters.add('connector.429');
  res.set('Retry-After', String(Math.max(1, Math.ceil(decision.retryAfterSeconds))));
  sendFailure(res, connectorFailures.throttled());
  return false;
}

/** The throttles of a write (send, reply, update, delete) to one thread. */
export function writeLimits(ctx: EmulatorContext, conversationId: string): LimitRequest[] {
  return [
    { rule: 'teams.tenant', key: ctx.state.tenantId },
    { rule: 'teams.send', key: conversationId },
  ];
}

/** The throttles of a roster or channel-list read. */
export function readLimits(ctx: EmulatorContext, threadId: string): LimitRequest[] {
  return [
    { rule: 'teams.tenant', key: ctx.state.tenantId },
    { rule: 'teams.getMembers', key: threadId },
  ];
}

/**
 * Teams answers 412 PreconditionFailed when operations on one conversation overlap. The emulator keeps each
 * write in flight until the next turn of the event loop, so writes that truly overlap collide; sequential
 * writes never do.
 */
export class ConversationLocks {
  private readonly busy = new Set<string>();

  async run<T>(conversationId: string, work: () => T): Promise<{ ran: true; value: T } | { ran: false }> {
    if (this.busy.has(conversationId)) return { ran: false };
    this.busy.add(conversationId);
    try {
      await new Promise((resolve) => setImmediate(resolve));
      return { ran: true, value: work() };
    } finally {
      this.busy.delete(conversationId);
    }
  }
}

/**
 * Teams' bot message limit, applied to the activity as sent (UTF-8 JSON). Microsoft's pages disagree
 * (28 KB, 40 KB or about 100 KB counted in UTF-16); see connector/README.md for the choice.
 */
export const MAX_ACTIVITY_BYTES = 28 * 1024;

export function tooBig(activity: unknown): boolean {
  return Buffer.byteLength(JSON.stringify(activity), 'utf8') > MAX_ACTIVITY_BYTES;
}
