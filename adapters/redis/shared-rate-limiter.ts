import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { limitOf, RateLimiter, windowFor, type CallPriority, type OperationKind, type RateLimits, type ReleaseSlot, type TenantRateLimiter } from '../../core/delivery/rate-limiter';
import type { Clock } from '../../core/shared/clock';
import type { Logger } from '../../core/shared/logger';
import { ACQUIRE, PAUSE, RELEASE } from './call-window-scripts';

interface WindowCommands {
  heraldAcquire(slots: string, pause: string, limit: number, windowUs: number, leaseUs: number, member: string, pollUs: number): Promise<string>;
  heraldRelease(slots: string, pause: string, windowUs: number, member: string, used: '1' | '0'): Promise<number>;
  heraldPause(slots: string, pause: string, ms: number): Promise<number>;
}

export interface SharedRateLimiterOptions {
  limits: RateLimits;
  clock: Clock;
  logger: Logger;
  /**
   * While Redis is unreachable each worker falls back to an in-process window at `1 / fallbackShare` of the
   * limits (the number of workers sharing a tenant), so together they still stay under Microsoft's limits.
   */
  fallbackShare: number;
  /** Key prefix, so test runs and deployments sharing one Redis do not share windows. */
  prefix?: string;
  /** How long a slot taken by a worker that then died stays taken; longer than any call may last. */
  leaseMs?: number;
}

const DEFAULT_LEASE_MS = 60_000;
/** How often the worker first in line asks again while every slot is in flight (an unused slot frees at once). */
const IN_FLIGHT_POLL_MS = 25;
/** While Redis is away, how long calls go straight to the local window before Redis is tried again. */
const RETRY_REDIS_MS = 1000;
/** How long callers wait for the connection to open at start-up before they fall back. */
const FIRST_CONNECT_MS = 5000;

/**
 * The tenant-wide limits held across every worker: one call window per tenant per operation kind in Redis (Lua,
 * atomic; see call-window-scripts.ts), and a 429's Retry-After pauses it for all of them. Within a worker, callers
 * queue locally and only the first asks Redis, so waiting callers do not poll it. Redis going away costs
 * precision, not availability: calls continue on a local window at the worker's share until Redis answers again.
 */
export class SharedRateLimiter implements TenantRateLimiter {
  private readonly commands: WindowCommands;
  private readonly fallback: RateLimiter;
  private readonly prefix: string;
  private readonly member = `${randomUUID()}:`;
  private calls = 0;
  /** Per tenant, kind and priority, the end of the local queue of callers waiting to ask Redis. */
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Per tenant and kind, this worker's `first` callers not yet granted: `fill` callers wait while any are. */
  private readonly firstWaiting = new Map<string, number>();
  private degradedSince: number | undefined;
  private retryRedisAt = 0;
  /**
   * Until the connection first opens: a command sent now would fail at once (the client has no offline queue),
   * and a worker starting beside others already on Redis would add its fallback share to their full limit.
   */
  private connecting: Promise<void> | undefined;

  constructor(
    redis: Redis,
    private readonly options: SharedRateLimiterOptions,
  ) {
    if (redis.status === 'connecting' || redis.status === 'connect') this.connecting = firstConnection(redis, FIRST_CONNECT_MS).then(() => (this.connecting = undefined));
    redis.defineCommand('heraldAcquire', { numberOfKeys: 2, lua: ACQUIRE });
    redis.defineCommand('heraldRelease', { numberOfKeys: 2, lua: RELEASE });
    redis.defineCommand('heraldPause', { numberOfKeys: 2, lua: PAUSE });
    this.commands = redis as unknown as WindowCommands;
    const share = Math.max(1, options.fallbackShare);
    const { limits } = options;
    this.fallback = new RateLimiter(
      {
        connector: limits.connector / share,
        installedAppsGet: limits.installedAppsGet / share,
        installedAppsPost: limits.installedAppsPost / share,
        activityFeed: limitOf(limits, 'activityFeed') / share,
        directoryRead: limitOf(limits, 'directoryRead') / share,
      },
      options.clock,
    );
    this.prefix = options.prefix ?? 'herald:rate';
  }

  /** True while calls run on the local fallback (metrics and readiness report it). */
  get degraded(): boolean {
    return this.degradedSince !== undefined;
  }

  /**
   * Priority holds within this worker: a `fill` caller asks Redis only while none of this worker's `first` callers
   * for the same tenant and kind waits. Across workers the window is shared first come, first served.
   */
  acquire(tenantId: string, kind: OperationKind, priority: CallPriority = 'first'): Promise<ReleaseSlot> {
    if (limitOf(this.options.limits, kind) === Infinity) return this.fallback.acquire(tenantId, kind, priority);
    const keys = this.keys(tenantId, kind);
    const queueKey = `${keys[0]}|${priority}`;
    if (priority === 'first') this.firstWaiting.set(keys[0], (this.firstWaiting.get(keys[0]) ?? 0) + 1);
    const turn = (this.queues.get(queueKey) ?? Promise.resolve())
      .then(async () => {
        if (priority === 'fill') await this.afterFirstCallers(keys[0]);
        return this.acquireShared(tenantId, kind, keys, priority);
      })
      .finally(() => {
        if (priority === 'first') this.firstWaiting.set(keys[0], (this.firstWaiting.get(keys[0]) ?? 1) - 1);
      });
    const settled = turn.catch(() => undefined);
    this.queues.set(queueKey, settled);
    void settled.then(() => {
      if (this.queues.get(queueKey) === settled) this.queues.delete(queueKey);
    });
    return turn;
  }

  /** Waits (polling locally, not Redis) until no `first` caller of this worker waits for the same window. */
  private async afterFirstCallers(key: string): Promise<void> {
    while ((this.firstWaiting.get(key) ?? 0) > 0) await this.options.clock.sleep(IN_FLIGHT_POLL_MS);
  }

  pause(tenantId: string, kind: OperationKind, ms: number): void {
    this.fallback.pause(tenantId, kind, ms);
    // An unlimited kind is acquired locally only, so a shared pause would have no reader.
    if (limitOf(this.options.limits, kind) === Infinity) return;
    const [slots, pause] = this.keys(tenantId, kind);
    // Sent after the first connection like every acquire, and so ahead of this worker's acquires queued behind it.
    void (this.connecting ?? Promise.resolve())
      .then(() => this.commands.heraldPause(slots, pause, Math.ceil(ms)))
      .catch((error: unknown) => this.lost(error));
  }

  private async acquireShared(tenantId: string, kind: OperationKind, [slots, pause]: [string, string], priority: CallPriority): Promise<ReleaseSlot> {
    if (this.connecting) await this.connecting;
    if (this.degraded && this.options.clock.now() < this.retryRedisAt) return this.fallback.acquire(tenantId, kind, priority);
    const { limit, windowMs } = windowFor(limitOf(this.options.limits, kind));
    const windowUs = Math.ceil(windowMs * 1000);
    const leaseUs = (this.options.leaseMs ?? DEFAULT_LEASE_MS) * 1000;
    const member = `${this.member}${(this.calls += 1)}`;
    try {
      for (;;) {
        const waitUs = Number(await this.commands.heraldAcquire(slots, pause, limit, windowUs, leaseUs, member, IN_FLIGHT_POLL_MS * 1000));
        if (waitUs <= 0) break;
        await this.options.clock.sleep(Math.max(1, waitUs / 1000));
      }
    } catch (error) {
      this.lost(error);
      return this.fallback.acquire(tenantId, kind, priority);
    }
    this.recovered();
    let released = false;
    return (used = true) => {
      if (released) return;
      released = true;
      this.commands.heraldRelease(slots, pause, windowUs, member, used ? '1' : '0').catch((error: unknown) => this.lost(error));
    };
  }

  private keys(tenantId: string, kind: OperationKind): [string, string] {
    // One hash tag per tenant and kind keeps both keys in one slot on a Redis Cluster.
    const base = `${this.prefix}:{${tenantId}:${kind}}`;
    return [`${base}:slots`, `${base}:paused`];
  }

  private lost(error: unknown): void {
    // A failing Redis may fail slowly (a command timeout): until the retry, calls skip it rather than queue on it.
    this.retryRedisAt = this.options.clock.now() + RETRY_REDIS_MS;
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

/** Resolves once `redis` first opens, fails to, or `ms` passed: whichever comes first. */
function firstConnection(redis: Redis, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      redis.off('ready', done);
      redis.off('error', done);
      redis.off('end', done);
      resolve();
    };
    const timer = setTimeout(done, ms).unref();
    redis.once('ready', done);
    redis.once('error', done);
    redis.once('end', done);
  });
}
