import type { CancelTimer, Clock } from '../../core/shared/clock';

interface Timer {
  at: number;
  /** Set order: timers due at the same instant run in the order they were set, as Node runs them. */
  order: number;
  fn: () => void;
}

/** Event-loop turns given to promise chains after each timer: enough for chains through SQLite (synchronous) and fakes. */
const SETTLE_TURNS = 3;
/** A test whose timers keep re-arming at zero delay would otherwise spin forever inside one `advance`. */
const MAX_TIMERS_PER_ADVANCE = 1_000_000;

/** Lets every promise chain that is not waiting on a timer (or on real I/O) run to its end. */
export async function settle(turns = SETTLE_TURNS): Promise<void> {
  for (let turn = 0; turn < turns; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * A clock that moves only when the test moves it, for engine tests that must show something did *not* happen
 * (no send after a cancel, no delivery without the lease) without sleeping on the wall clock. `advance(ms)` runs
 * every timer that falls due on the way in order, each with `now()` at its own due time, and lets the promise
 * chains it started settle before the next one runs, so a pass that re-arms its timer runs again within the same
 * advance if its next time is due too.
 */
export class FakeClock implements Clock {
  private timers: Timer[] = [];
  private order = 0;

  /** Starts at `start` (an epoch instant: lease rows and `next_attempt_at` compare against it). */
  constructor(private current = Date.UTC(2026, 0, 1)) {}

  now(): number {
    return this.current;
  }

  setTimer(ms: number, fn: () => void): CancelTimer {
    const timer: Timer = { at: this.current + Math.max(0, ms), order: this.order++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((other) => other !== timer);
    };
  }

  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => this.setTimer(ms, resolve));
  }

  /** Timers set and not yet run or cancelled. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, running on the way every timer due by then (see the class comment). */
  async advance(ms: number): Promise<void> {
    const target = this.current + Math.max(0, ms);
    await settle();
    for (let ran = 0; ; ran += 1) {
      if (ran >= MAX_TIMERS_PER_ADVANCE) throw new Error(`more than ${MAX_TIMERS_PER_ADVANCE} timers fell due in one advance: something re-arms without waiting`);
      const next = this.nextDue(target);
      if (!next) break;
      this.timers = this.timers.filter((timer) => timer !== next);
      this.current = Math.max(this.current, next.at);
      next.fn();
      await settle();
    }
    this.current = Math.max(this.current, target);
    await settle();
  }

  /**
   * Advances in steps of `stepMs` until `check` holds, and fails naming `what` when it still does not after
   * `withinMs` of this clock's time (a bound on the fake clock, not on the wall clock).
   */
  async until<T>(check: () => Promise<T | undefined | false> | T | undefined | false, what: string, options: { stepMs?: number; withinMs?: number } = {}): Promise<T> {
    const { stepMs = 10, withinMs = 60_000 } = options;
    const deadline = this.current + withinMs;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (this.current >= deadline) throw new Error(`still not true after ${withinMs} ms of the fake clock: ${what}`);
      await this.advance(stepMs);
    }
  }

  private nextDue(until: number): Timer | undefined {
    let next: Timer | undefined;
    for (const timer of this.timers) {
      if (timer.at > until) continue;
      if (!next || timer.at < next.at || (timer.at === next.at && timer.order < next.order)) next = timer;
    }
    return next;
  }
}
