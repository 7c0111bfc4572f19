import type { Clock } from '../shared/clock';

/** Teams' limits per bot per thread (platform-facts.md): 7 per 1 s, 8 per 2 s, 60 per 30 s, 1,800 per hour. */
export const THREAD_WINDOWS: ReadonlyArray<{ ms: number; max: number }> = [
  { ms: 1000, max: 7 },
  { ms: 2000, max: 8 },
  { ms: 30_000, max: 60 },
  { ms: 3_600_000, max: 1800 },
];

/**
 * Keeps posts to one channel (a thread) under its own limits, which are far below the tenant's 50/s. Sliding
 * windows: a post waits until every window has room.
 */
export class ThreadLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(private readonly clock: Clock, private readonly windows = THREAD_WINDOWS) {}

  async acquire(threadId: string): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const times = (this.sent.get(threadId) ?? []).filter((at) => now - at < this.windows[this.windows.length - 1]!.ms);
      const wait = Math.max(0, ...this.windows.map((window) => waitFor(times, window, now)));
      if (wait === 0) {
        times.push(now);
        this.sent.set(threadId, times);
        return;
      }
      await this.clock.sleep(wait);
    }
  }
}

function waitFor(times: number[], window: { ms: number; max: number }, now: number): number {
  const inWindow = times.filter((at) => now - at < window.ms);
  if (inWindow.length < window.max) return 0;
  return inWindow[inWindow.length - window.max]! + window.ms - now;
}
