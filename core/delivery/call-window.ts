import type { Clock } from '../shared/clock';

/** Hands a granted slot back: `used` (the default) once the call was answered or failed, `false` if it never went. */
export type ReleaseSlot = (used?: boolean) => void;

const NOTHING: ReleaseSlot = () => undefined;

/**
 * Who goes first when callers wait for a slot: `first` (first deliveries) before `fill` (edits, recalls, expiry
 * updates, reminders), which take only what first deliveries leave. Within one priority, first come first served.
 */
export type CallPriority = 'first' | 'fill';

/**
 * "At most `limit` calls in any `windowMs`", kept so that it holds wherever the server counts a call. Microsoft
 * counts a call at some instant between the moment we send it and the moment its answer reaches us, so a call
 * occupies a slot from when it starts until `windowMs` after its answer. Then no `windowMs`-long stretch of
 * the server's clock can ever see more than `limit` of our calls, however the two processes' timing jitters.
 * (A token bucket spaces the *starts* and is exceeded whenever the server sees two calls closer than we sent
 * them; each such 429 from Teams costs a whole second.) The price is the answer's latency per `limit` calls.
 *
 * Callers are served by priority (`first` before `fill`), then first come, first served; a pause (a 429's
 * Retry-After) holds every caller until it ends.
 */
export class CallWindow {
  private inFlight = 0;
  /** When each answered call leaves the window, ascending (answers are recorded in time order). */
  private readonly leaving: number[] = [];
  private head = 0;
  private pausedUntil = 0;
  private readonly waiters: Array<(release: ReleaseSlot) => void> = [];
  /** `fill` callers: served only when no `first` caller waits. */
  private readonly fillers: Array<(release: ReleaseSlot) => void> = [];
  private wakeAt: number | undefined;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
  ) {
    if (!(limit >= 1)) throw new Error('a call window needs a limit of at least one call');
  }

  get unlimited(): boolean {
    return this.limit === Infinity;
  }

  /** Resolves with the slot's release once a call may start. */
  acquire(priority: CallPriority = 'first'): Promise<ReleaseSlot> {
    if (this.unlimited && this.pausedUntil <= this.clock.now()) return Promise.resolve(NOTHING);
    return new Promise((grant) => {
      (priority === 'first' ? this.waiters : this.fillers).push(grant);
      this.pump();
    });
  }

  /** Callers waiting for a slot, of one priority or of both. */
  waiting(priority?: CallPriority): number {
    if (priority) return (priority === 'first' ? this.waiters : this.fillers).length;
    return this.waiters.length + this.fillers.length;
  }

  /** No call starts before `until`. */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** Calls holding a slot now: in flight, or answered less than a window ago. */
  occupied(now: number): number {
    while (this.head < this.leaving.length && this.leaving[this.head]! <= now) this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.leaving.length) {
      this.leaving.splice(0, this.head);
      this.head = 0;
    }
    return this.inFlight + this.leaving.length - this.head;
  }

  private pump(): void {
    while (this.waiters.length > 0 || this.fillers.length > 0) {
      const queue = this.waiters.length > 0 ? this.waiters : this.fillers;
      const now = this.clock.now();
      if (this.pausedUntil > now) return this.wakeUpAt(this.pausedUntil);
      if (this.unlimited) {
        queue.shift()!(NOTHING);
        continue;
      }
      if (this.occupied(now) >= this.limit) {
        // Every slot is taken. The earliest answered call frees one; with all of them still in flight, the
        // next answer re-runs this (release → pump).
        if (this.head < this.leaving.length) this.wakeUpAt(this.leaving[this.head]!);
        return;
      }
      this.inFlight += 1;
      queue.shift()!(this.releaser());
    }
  }

  private releaser(): ReleaseSlot {
    let released = false;
    return (used = true) => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      if (used) this.leaving.push(this.clock.now() + this.windowMs);
      this.pump();
    };
  }

  /** One timer at a time, always for the earliest moment something can change. */
  private wakeUpAt(at: number): void {
    if (this.wakeAt !== undefined && this.wakeAt <= at) return;
    this.wakeAt = at;
    void this.clock.sleep(at - this.clock.now()).then(() => {
      if (this.wakeAt !== at) return;
      this.wakeAt = undefined;
      this.pump();
    });
  }
}
