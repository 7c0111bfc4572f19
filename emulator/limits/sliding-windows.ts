import type { Window } from './rules';

/**
 * Sliding-log counters for one rule: per key, the times of the units taken within the longest window.
 * Keys are kept in least-recently-used order, so idle keys are dropped from the front in O(1) amortised time
 * and memory stays proportional to the keys active within the longest window.
 */
export class SlidingWindows {
  private readonly logs = new Map<string, number[]>();
  private readonly horizonMs: number;

  constructor(private readonly windows: readonly Window[]) {
    this.horizonMs = Math.max(...windows.map((window) => window.ms));
  }

  /** Milliseconds until `cost` more units fit every window of `key`; 0 when they fit now. */
  waitMs(key: string, cost: number, now: number): number {
    const times = this.logs.get(key) ?? [];
    let wait = 0;
    for (const window of this.windows) {
      const firstInside = firstAfter(times, now - window.ms);
      const inside = times.length - firstInside;
      const excess = inside + cost - window.limit;
      if (excess <= 0) continue;
      // The unit that must leave the window before enough room frees up; a cost above the limit never fits,
      // so it is told to wait a whole window.
      const leaving = excess <= inside ? times[firstInside + excess - 1]! + window.ms - now : window.ms;
      wait = Math.max(wait, leaving);
    }
    return wait;
  }

  take(key: string, cost: number, now: number): void {
    const times = this.logs.get(key) ?? [];
    this.logs.delete(key);
    const expired = firstAfter(times, now - this.horizonMs);
    if (expired > 0) times.splice(0, expired);
    for (let unit = 0; unit < cost; unit++) times.push(now);
    this.logs.set(key, times);
    this.dropIdleKeys(now);
  }

  get size(): number {
    return this.logs.size;
  }

  clear(): void {
    this.logs.clear();
  }

  private dropIdleKeys(now: number): void {
    for (const [key, times] of this.logs) {
      const newest = times[times.length - 1] ?? -Infinity;
      if (newest > now - this.horizonMs) return;
      this.logs.delete(key);
    }
  }
}

/** Index of the first time strictly after `instant` in an ascending array. */
function firstAfter(times: readonly number[], instant: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle]! > instant) high = middle;
    else low = middle + 1;
  }
  return low;
}
