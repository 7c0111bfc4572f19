/**
 * A token bucket kept as the time the next request may go (the GCRA form): `reserve` books the earliest slot and
 * says how long to wait for it, so concurrent callers queue fairly without polling. `burst` requests may go at
 * once; after that one every 1/rate seconds. A pause (after a 429) pushes every slot past its end.
 */
export class TokenBucket {
  private nextSlotAt = 0;
  private pausedUntilAt = 0;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number = 1,
  ) {
    if (!(ratePerSecond > 0)) throw new Error('rate must be positive (use Infinity for no limit)');
  }

  get unlimited(): boolean {
    return this.ratePerSecond === Infinity;
  }

  get pausedUntil(): number {
    return this.pausedUntilAt;
  }

  /** Books the next slot at or after `now`; returns milliseconds to wait before using it (0: go now). */
  reserve(now: number): number {
    if (this.unlimited && this.pausedUntilAt <= now) return 0;
    const interval = this.unlimited ? 0 : 1000 / this.ratePerSecond;
    const tolerance = (Math.max(1, this.burst) - 1) * interval;
    const slot = Math.max(now, this.nextSlotAt - tolerance, this.pausedUntilAt);
    this.nextSlotAt = Math.max(this.nextSlotAt, slot) + interval;
    return slot - now;
  }

  /** No slot before `until` (a Retry-After). Bookings already made are re-checked by the caller after waiting. */
  pauseUntil(until: number): void {
    this.pausedUntilAt = Math.max(this.pausedUntilAt, until);
    this.nextSlotAt = Math.max(this.nextSlotAt, until);
  }
}
