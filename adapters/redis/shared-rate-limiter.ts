import type { Redis } from 'ioredis';
import { RateLimiter, type OperationKind, type RateLimits, type TenantRateLimiter } from '../../core/delivery/rate-limiter';
import type { Clock } from '../../core/shared/clock';
import type { Logger } from '../../core/shared/logger';
import { PAUSE, PAUSE_LEFT, RESERVE } from './token-bucket-scripts';

interface BucketCommands {
  heraldReserve(next: string, pause: string, intervalUs: number, toleranceUs: number): Promise<[string, string]>;
  heraldPauseLeft(next: string, pause: string): Promise<string>;
  heraldPause(next: string, pause: string, ms: number): Promise<number>;
}

export interface SharedRateLimiterOptions {
  limits: RateLimits;
  clock: Clock;
  logger: Logger;
  /**
   * While Redis is unreachable each worker falls back to an in-process bucket at `1 / fallbackShare` of the
   * limits (the number of workers sharing a tenant), so together they still stay under Microsoft's limits.
   */
  fallbackShare: number;
  /** Key prefix, so test runs and deployments sharing one Redis do not share buckets. */
  prefix?: string;
}

/**
 * The tenant-wide limits held across every worker: one token bucket per tenant per operation kind in Redis (Lua,
 * atomic), and a 429's Retry-After pauses that bucket for all of them. Redis going away costs precision, not
 * availability: calls continue on a local bucket at the worker's share until Redis answers again.
 */
export class SharedRateLimiter implements TenantRateLimiter {
  private readonly commands: BucketCommands;
  private readonly fallback: RateLimiter;
  private readonly prefix: string;
  private degradedSince: number | undefined;

  constructor(
    redis: Redis,
    private readonly options: SharedRateLimiterOptions,
  ) {
    redis.defineCommand('heraldReserve', { numberOfKeys: 2, lua: RESERVE });
    redis.defineCommand('heraldPauseLeft', { numberOfKeys: 2, lua: PAUSE_LEFT });
    redis.defineCommand('heraldPause', { numberOfKeys: 2, lua: PAUSE });
    this.commands = redis as unknown as BucketCommands;
    const share = Math.max(1, options.fallbackShare);
    const { limits } = options;
    this.fallback = new RateLimiter(
      { connector: limits.connector / share, installedAppsGet: limits.installedAppsGet / share, installedAppsPost: limits.installedAppsPost / share, burst: 1 },
      options.clock,
    );
    this.prefix = options.prefix ?? 'herald:rate';
  }

  /** True while calls run on the local fallback (metrics and readiness report it). */
  get degraded(): boolean {
    return this.degradedSince !== undefined;
  }

  async acquire(tenantId: string, kind: OperationKind): Promise<void> {
    const rate = this.options.limits[kind];
    if (rate === Infinity) return this.fallback.acquire(tenantId, kind);
    const interval = 1_000_000 / rate;
    const tolerance = (Math.max(1, this.options.limits.burst) - 1) * interval;
    const [next, pause] = this.keys(tenantId, kind);
    try {
      let [waitUs] = await this.commands.heraldReserve(next, pause, interval, tolerance);
      while (Number(waitUs) > 0) {
        await this.options.clock.sleep(Number(waitUs) / 1000);
        // A 429 seen by any worker while we waited pushes every slot past its pause: book again if so.
        waitUs = Number(await this.commands.heraldPauseLeft(next, pause)) > 0 ? (await this.commands.heraldReserve(next, pause, interval, tolerance))[0] : '0';
      }
      this.recovered();
    } catch (error) {
      this.lost(error);
      await this.fallback.acquire(tenantId, kind);
    }
  }

  pause(tenantId: string, kind: OperationKind, ms: number): void {
    this.fallback.pause(tenantId, kind, ms);
    const [next, pause] = this.keys(tenantId, kind);
    this.commands.heraldPause(next, pause, Math.ceil(ms)).catch((error: unknown) => this.lost(error));
  }

  private keys(tenantId: string, kind: OperationKind): [string, string] {
    // One hash tag per tenant and kind keeps both keys in one slot on a Redis Cluster.
    const base = `${this.prefix}:{${tenantId}:${kind}}`;
    return [`${base}:next`, `${base}:paused`];
  }

  private lost(error: unknown): void {
    if (this.degradedSince !== undefined) return;
    this.degradedSince = this.options.clock.now();
    const share = Math.max(1, this.options.fallbackShare);
    this.options.logger.warn({ err: error, share }, 'shared rate limit unavailable (Redis); this worker now keeps 1/share of the limits locally');
  }

  private recovered(): void {
    if (this.degradedSince === undefined) return;
    this.options.logger.info({ degradedMs: this.options.clock.now() - this.degradedSince }, 'shared rate limit is back (Redis)');
    this.degradedSince = undefined;
  }
}
