import type { NotificationStatus } from '../notifications/notification';
import type { StateCounts } from '../recipients/recipient';
import type { CancelTimer, Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import type { RecipientStore } from '../store/store';

export type ProgressEvent =
  | { type: 'progress'; notificationId: string; counts: StateCounts; at: number }
  | { type: 'status'; notificationId: string; status: NotificationStatus; at: number }
  | { type: 'followup'; notificationId: string; operation: 'edit' | 'recall'; done: number; failed: number; finished: boolean; at: number };

export type ProgressListener = (event: ProgressEvent) => void;

/** The next count waits at least this many times as long as the last count took. */
const COUNT_SHARE = 100;

/**
 * Live progress for the API and CLI. Writes mark a notification dirty; at most every `intervalMs` each dirty
 * one is counted with one GROUP BY (indexed). The GROUP BY reads every row of the notification (14 ms for
 * 100,000 on SQLite), so the next count waits at least `COUNT_SHARE` times as long as the last took: counting
 * stays about 1% of the time at any size, and a 100,000-person bar moves every ~1.5 s instead of 0.5 s.
 */
export class ProgressHub {
  private readonly listeners = new Set<ProgressListener>();
  private readonly dirty = new Set<string>();
  private cancelTimer: CancelTimer | undefined;
  /** How long the last round of counts took, in ms. */
  private lastCountMs = 0;

  constructor(
    private readonly recipients: RecipientStore,
    private readonly options: { intervalMs: number; clock: Clock; logger: Logger },
  ) {}

  /** Returns the function that unsubscribes. */
  subscribe(listener: ProgressListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ProgressEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.options.logger.warn({ err: error }, 'a progress listener threw');
      }
    }
  }

  status(notificationId: string, status: NotificationStatus): void {
    this.emit({ type: 'status', notificationId, status, at: this.options.clock.now() });
  }

  markDirty(notificationId: string): void {
    if (this.listeners.size === 0) return;
    this.dirty.add(notificationId);
    this.cancelTimer ??= this.options.clock.setTimer(Math.max(this.options.intervalMs, COUNT_SHARE * this.lastCountMs), () => void this.publish());
  }

  /** Counts and emits every dirty notification now. */
  async publish(): Promise<void> {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    const ids = [...this.dirty];
    this.dirty.clear();
    const started = this.options.clock.now();
    for (const notificationId of ids) {
      try {
        const counts = await this.recipients.counts(notificationId);
        this.emit({ type: 'progress', notificationId, counts, at: this.options.clock.now() });
      } catch (error) {
        this.options.logger.warn({ err: error, notificationId }, 'counting progress failed');
      }
    }
    this.lastCountMs = this.options.clock.now() - started;
  }

  stop(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.dirty.clear();
  }
}
