import type { Clock } from '../shared/clock';
import { TokenBucket } from './token-bucket';

/** The operation kinds Microsoft limits separately, per app per tenant (platform-facts.md). */
export type OperationKind = 'connector' | 'installedAppsGet' | 'installedAppsPost';

export interface RateLimits {
  /** Requests per second; Infinity turns the limit off (engine benchmarks against an unthrottled emulator). */
  connector: number;
  installedAppsGet: number;
  installedAppsPost: number;
  /** Requests allowed at once before the steady rate applies. 1 keeps every 1-second window under the limit. */
  burst: number;
}

/**
 * Teams allows 50 Connector requests/s per app per tenant and Graph 30 installedApps GETs and POSTs each. We aim
 * under them so jitter between our clock and Microsoft's windows does not turn into 429s: 3% for the Connector,
 * whose 429s say `Retry-After: 1` (a whole second lost each; measured in BENCHMARKS.md, 48.5/s beat 49/s), 2% for
 * Graph, whose Retry-After is fractional.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = { connector: 48.5, installedAppsGet: 29.4, installedAppsPost: 29.4, burst: 1 };

export const UNLIMITED: RateLimits = { connector: Infinity, installedAppsGet: Infinity, installedAppsPost: Infinity, burst: 1 };

/**
 * The port every Microsoft call goes through: a slot per tenant per operation kind, and a pause after a 429.
 * In one process the in-process `RateLimiter` below is enough; several workers share one limit through
 * adapters/redis (a token bucket in Redis), so the tenant-wide limits hold across all of them together.
 */
export interface TenantRateLimiter {
  /** Resolves when a call of `kind` to `tenantId` may go. */
  acquire(tenantId: string, kind: OperationKind): Promise<void>;
  /** Honours a Retry-After: nothing of this kind goes to this tenant for `ms` (from any worker sharing the limit). */
  pause(tenantId: string, kind: OperationKind, ms: number): void;
}

/** One token bucket per tenant per operation kind, in this process. */
export class RateLimiter implements TenantRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly limits: RateLimits,
    private readonly clock: Clock,
  ) {}

  /** Waits for a slot of `kind` in `tenantId`, re-waiting if a 429 paused the bucket meanwhile. */
  async acquire(tenantId: string, kind: OperationKind): Promise<void> {
    const bucket = this.bucket(tenantId, kind);
    let wait = bucket.reserve(this.clock.now());
    while (wait > 0) {
      await this.clock.sleep(wait);
      const now = this.clock.now();
      wait = bucket.pausedUntil > now ? bucket.reserve(now) : 0;
    }
  }

  /** Honours a Retry-After: nothing of this kind goes to this tenant for `ms`. */
  pause(tenantId: string, kind: OperationKind, ms: number): void {
    this.bucket(tenantId, kind).pauseUntil(this.clock.now() + ms);
  }

  private bucket(tenantId: string, kind: OperationKind): TokenBucket {
    const key = `${tenantId}\u0000${kind}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.limits[kind], this.limits.burst);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
