/** Cancels a timer set with `Clock.setTimer`; a no-op once it ran or was cancelled. */
export type CancelTimer = () => void;

/**
 * Time as core sees it: every reading of the time and every timer in the engine goes through it, so tests decide
 * what "now" is and move time themselves (tests/support/fake-clock.ts) instead of waiting on the wall clock.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds (or at once when `ms` ≤ 0). */
  sleep(ms: number): Promise<void>;
  /** Calls `fn` once, `ms` milliseconds from now (on a later turn of the event loop even when `ms` ≤ 0). */
  setTimer(ms: number, fn: () => void): CancelTimer;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => (ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms))),
  // Not unref'd (the engine's timers never were): while work waits for a retry, the dispatcher's poll is what keeps
  // a process such as `herald run` alive.
  setTimer: (ms, fn) => {
    const timer = setTimeout(fn, Math.max(0, ms));
    return () => clearTimeout(timer);
  },
};
