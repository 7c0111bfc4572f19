interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets per key (Graph's identity and access throttle): `capacity` units that refill evenly over
 * `periodMs`. A bucket that has refilled completely carries no information and is dropped.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(private readonly capacity: number, periodMs: number) {
    this.perMs = capacity / periodMs;
  }

  waitMs(key: string, cost: number, now: number): number {
    const need = Math.min(cost, this.capacity);
    const tokens = this.level(key, now);
    return tokens >= need ? 0 : (need - tokens) / this.perMs;
  }

  take(key: string, cost: number, now: number): void {
    const tokens = this.level(key, now) - Math.min(cost, this.capacity);
    this.buckets.set(key, { tokens, at: now });
    if (this.buckets.size > 1000) this.dropFull(now);
  }

  clear(): void {
    this.buckets.clear();
  }

  private level(key: string, now: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.capacity;
    return Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.perMs);
  }

  private dropFull(now: number): void {
    for (const key of this.buckets.keys()) if (this.level(key, now) >= this.capacity) this.buckets.delete(key);
  }
}
