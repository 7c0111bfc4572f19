import { z } from 'zod';
import type { ResponseEvents } from '../responses/response-events';
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import type { Store } from '../store/store';
import type { ReadReceipt, ReceiptOutcome } from './reach-store';

/** What the bot hands over from one `application/vnd.microsoft.readReceipt` event (zod: it comes off the wire). */
export const receiptInputSchema = z.object({
  tenantId: z.string().min(1),
  userId: z.string().min(1),
  conversationId: z.string().min(1),
  conversationType: z.string().optional(),
  lastReadMessageId: z.string().min(1),
});
export type ReceiptInput = z.infer<typeof receiptInputSchema>;

export type ReceiptResult = ReceiptOutcome & { ignored?: 'not-personal' | 'unknown-chat' | 'not-a-message-id' | 'malformed' };

export interface RecordReceiptDeps {
  store: Pick<Store, 'reach'>;
  /** The live report is event-driven: a newly seen recipient marks their notification changed. */
  events: ResponseEvents;
  clock: Clock;
  log: Logger;
}

const NOTHING: ReceiptOutcome = { knownChat: false, notificationIds: [], marked: 0 };

/** Receipts written in one transaction at most; a burst beyond it is written in several. */
export const MAX_RECEIPT_BATCH = 256;

interface Waiting {
  receipt: ReadReceipt;
  resolve(outcome: ReceiptOutcome): void;
  reject(error: unknown): void;
}

/**
 * A person read their 1:1 chat with Herald: every card delivered there up to the last message they read is seen,
 * at the time Herald heard so (the first time is kept). A receipt from a group chat or a channel, or for a chat
 * Herald does not know, changes nothing and is logged with a sentence. Teams sends no receipt for people whose
 * receipts are off (by themselves or the tenant's policy): their cards stay "not known", never "not read".
 */
export class RecordReceipt {
  private waiting: Waiting[] = [];
  private flushScheduled = false;

  constructor(private readonly deps: RecordReceiptDeps) {}

  async record(input: unknown): Promise<ReceiptResult> {
    const parsed = receiptInputSchema.safeParse(input);
    if (!parsed.success) {
      this.deps.log.warn({ issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) }, 'a read receipt without its tenant, person, conversation or last read message was ignored');
      return { ...NOTHING, ignored: 'malformed' };
    }
    const receipt = parsed.data;
    const where = { tenantId: receipt.tenantId, userId: receipt.userId, conversationId: receipt.conversationId };
    if (receipt.conversationType !== undefined && receipt.conversationType !== 'personal') {
      this.deps.log.info({ ...where, conversationType: receipt.conversationType }, 'a read receipt from a conversation that is not a 1:1 chat was ignored: Herald delivers only in 1:1 chats');
      return { ...NOTHING, ignored: 'not-personal' };
    }
    if (!/^\d+$/.test(receipt.lastReadMessageId)) {
      this.deps.log.info({ ...where, lastReadMessageId: receipt.lastReadMessageId.slice(0, 40) }, 'a read receipt whose last read message id is not a 1:1 message id was ignored');
      return { ...NOTHING, ignored: 'not-a-message-id' };
    }
    const outcome = await this.write({ ...where, lastReadMessageId: receipt.lastReadMessageId, at: this.deps.clock.now() });
    if (!outcome.knownChat) {
      this.deps.log.info(where, 'a read receipt for a chat Herald has no record of was ignored (Herald was not installed there, or it was removed)');
      return { ...outcome, ignored: 'unknown-chat' };
    }
    for (const notificationId of outcome.notificationIds) this.deps.events.recorded(notificationId);
    if (outcome.marked > 0) this.deps.log.debug({ ...where, marked: outcome.marked }, 'read receipt recorded');
    return outcome;
  }

  /**
   * Receipts that arrive in the same turn of the event loop are written together, in one transaction: a burst
   * (a company reading a broadcast at 9:00) costs one commit per batch instead of one per receipt. The caller's
   * answer (the bot's 200 to Teams) waits for its batch's commit, so an answered receipt is never lost.
   */
  private write(receipt: ReadReceipt): Promise<ReceiptOutcome> {
    return new Promise<ReceiptOutcome>((resolve, reject) => {
      this.waiting.push({ receipt, resolve, reject });
      if (this.waiting.length >= MAX_RECEIPT_BATCH) void this.flush();
      else this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.waiting.length === 0) return;
    this.flushScheduled = true;
    this.deps.clock.setTimer(0, () => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting.splice(0, MAX_RECEIPT_BATCH);
    if (batch.length === 0) return;
    try {
      const outcomes = await this.deps.store.reach.recordReceipts(batch.map((waiting) => waiting.receipt));
      batch.forEach((waiting, index) => waiting.resolve(outcomes[index]!));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    } finally {
      this.scheduleFlush();
    }
  }
}
