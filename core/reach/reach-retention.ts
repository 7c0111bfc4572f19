import type { CancelTimer, Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import type { ReachStore } from './reach-store';

const DAY = 24 * 60 * 60 * 1000;

export interface ReachRetentionOptions {
  reach: Pick<ReachStore, 'forgetBefore'>;
  clock: Clock;
  log: Logger;
  /** HERALD_REACH_RETENTION_DAYS. */
  retentionDays: number;
  /** How often the pass runs (an hour by default): per-person reach is gone at most this long after its N days. */
  everyMs?: number;
}

/**
 * Deletes per-person reach older than the retention setting: each recipient's first-seen time and each chat's
 * last-receipt time. Counts of delivered and acknowledged are untouched; a deleted first-seen time no longer
 * counts as seen. One pass at start, then one per interval, through the clock seam (tests move a fake clock).
 */
export class ReachRetention {
  private cancel: CancelTimer | undefined;
  private stopped = true;

  constructor(private readonly options: ReachRetentionOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
    this.cancel = undefined;
  }

  /** One pass: returns how many rows lost their per-person reach. */
  async runOnce(): Promise<number> {
    const { reach, clock, retentionDays, log } = this.options;
    const before = clock.now() - retentionDays * DAY;
    const forgotten = await reach.forgetBefore(before);
    if (forgotten > 0) log.info({ forgotten, retentionDays }, 'per-person reach older than the retention setting was deleted');
    return forgotten;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.cancel = this.options.clock.setTimer(ms, () => {
      void this.runOnce()
        .catch((error: unknown) => this.options.log.warn({ err: error }, 'the reach retention pass failed; it runs again at the next interval'))
        .finally(() => this.schedule(this.options.everyMs ?? 60 * 60 * 1000));
    });
  }
}
