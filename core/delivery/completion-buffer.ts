import type { CancelTimer, Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import type { Outcome } from '../store/outcomes';
import type { RecipientStore } from '../store/store';

/**
 * Gathers outcomes and writes them in one transaction every `intervalMs` or every `batch` outcomes, so the hot
 * path never waits on a per-recipient round trip. Until written, a sent recipient is still `sending` in the
 * store: that window is part of the crash bound (core/README.md).
 */
export class CompletionBuffer {
  private pending: Outcome[] = [];
  private cancelTimer: CancelTimer | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly recipients: RecipientStore,
    private readonly options: { intervalMs: number; batch: number; clock: Clock; logger: Logger; onFlushed: (outcomes: Outcome[]) => void },
  ) {}

  get size(): number {
    return this.pending.length;
  }

  add(outcome: Outcome): void {
    if (this.stopped) return;
    this.pending.push(outcome);
    if (this.pending.length >= this.options.batch) void this.flush();
    else this.flushIn(this.options.intervalMs);
  }

  /** Writes what is waiting (after any write already under way). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeOnce());
    return this.flushing;
  }

  /** Drops what is waiting without writing it: what a crash does. Tests use it to simulate one. Returns how many. */
  discard(): number {
    const dropped = this.pending.length;
    this.stopped = true;
    this.pending = [];
    this.cancelFlush();
    return dropped;
  }

  private async writeOnce(): Promise<void> {
    this.cancelFlush();
    const batch = this.pending;
    if (batch.length === 0 || this.stopped) return;
    this.pending = [];
    try {
      await this.recipients.apply(batch);
      this.options.onFlushed(batch);
    } catch (error) {
      // Keep them for the next write: a busy or briefly unreachable database must not lose completions.
      this.options.logger.error({ err: error, count: batch.length }, 'writing delivery outcomes failed; will retry');
      this.pending = batch.concat(this.pending);
      this.flushIn(Math.max(this.options.intervalMs, 500));
    }
  }

  /** One flush timer at a time: a later request never postpones the one already set. */
  private flushIn(ms: number): void {
    this.cancelTimer ??= this.options.clock.setTimer(ms, () => {
      this.cancelTimer = undefined;
      void this.flush();
    });
  }

  private cancelFlush(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }
}
