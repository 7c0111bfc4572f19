import type { NotificationStatus } from '../notifications/notification';
import type { StateCounts } from '../recipients/recipient';
import type { Logger } from '../shared/logger';
import type { RecipientStore } from '../store/store';

export type ProgressEvent =
  | { type: 'progress'; notificationId: string; counts: StateCounts; at: number }
  | { type: 'status'; notificationId: string; status: NotificationStatus; at: number }
  | { type: 'followup'; notificationId: string; operation: 'edit' | 'recall'; done: number; failed: number; finished: boolean; at: number };

export type ProgressListener = (event: ProgressEvent) => void;

/**
 * Live progress for the API and CLI. Writes mark a notification dirty; at most every `intervalMs` each dirty
 * one is counted with one GROUP BY (indexed), so progress costs the same at 100 or 100,000 recipients.
 */
export class ProgressHub {
  private readonly listeners = new Set<ProgressListener>();
  private readonly dirty = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly recipients: RecipientStore,
    private readonly options: { intervalMs: number; now: () => number; logger: Logger },
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
    this.emit({ type: 'status', notificationId, status, at: this.options.now() });
  }

  markDirty(notificationId: string): void {
    if (this.listeners.size === 0) return;
    this.dirty.add(notificationId);
    this.timer ??= setTimeout(() => void this.publish(), this.options.intervalMs);
  }

  /** Counts and emits every dirty notification now. */
  async publish(): Promise<void> {
    this.timer = undefined;
    const ids = [...this.dirty];
    this.dirty.clear();
    for (const notificationId of ids) {
      try {
        const counts = await this.recipients.counts(notificationId);
        this.emit({ type: 'progress', notificationId, counts, at: this.options.now() });
      } catch (error) {
        this.options.logger.warn({ err: error, notificationId }, 'counting progress failed');
      }
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty.clear();
  }
}
