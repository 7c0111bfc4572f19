import type { Redis } from 'ioredis';
import type { Env } from '../config/env';
import type { Logger } from '../config/logger';
import type { EngineConfig } from '../core/delivery/engine-config';
import type { RateLimits } from '../core/delivery/rate-limiter';
import { systemClock } from '../core/shared/clock';
import { newId } from '../core/shared/ids';
import type { Store } from '../core/store/store';
import type { BullWorkQueue } from '../adapters/queue/bull-work-queue';
import type { QueueReconciler } from '../adapters/queue/reconciler';
import type { SharedRateLimiter } from '../adapters/redis/shared-rate-limiter';
import { createHeraldMetrics, type HeraldMetrics } from '../api/metrics/herald-metrics';
import type { MetricsSources } from '../api/metrics/metrics-route';

const RECONCILE_INTERVAL_MS = 5000;

/** What the run mode adds to the engine: shared limits, the work queue, metrics and the delivery settings. */
export interface ScaleOutParts {
  metrics: HeraldMetrics;
  limiter?: SharedRateLimiter;
  queue?: BullWorkQueue;
  /** Overrides of the engine's tuning for this run mode. */
  config: Partial<EngineConfig>;
  metricsSources(store: Store): MetricsSources;
  /** Starts the queue reconciler (delivering servers with Redis only). */
  start(store: Store): void;
  close(): Promise<void>;
}

/**
 * Picks the scale-out adapters from the environment. Several servers (PostgreSQL, a role other than `all`, or
 * Redis) means: claim only this deployment's tenant, leave in-flight rows to lease expiry rather than resending
 * them at start-up (another server may be sending them right now), and share the limits through Redis if given.
 */
export function scaleOutParts(env: Env, log: Logger, tenantId: string, limits: RateLimits): ScaleOutParts {
  const metrics = createHeraldMetrics();
  const delivers = env.HERALD_ROLE !== 'web';
  const shared = Boolean(env.HERALD_REDIS_URL) || env.HERALD_ROLE !== 'all' || /^postgres(ql)?:/i.test(env.HERALD_DATABASE_URL);
  const config: Partial<EngineConfig> = shared ? { oneDeliverer: false, deliverTenants: delivers ? [tenantId] : [] } : {};
  if (env.HERALD_LEASE_MS) config.leaseMs = env.HERALD_LEASE_MS;
  let limiter: SharedRateLimiter | undefined;
  let queue: BullWorkQueue | undefined;
  let reconciler: QueueReconciler | undefined;
  let limiterRedis: Redis | undefined;
  const redisUrl = env.HERALD_REDIS_URL;
  const redis = redisUrl ? redisParts() : undefined;
  if (redisUrl && redis) {
    const { createRedis, SharedRateLimiter, BullWorkQueue } = redis;
    limiterRedis = createRedis(redisUrl, log, { name: 'rate-limit' });
    limiter = new SharedRateLimiter(limiterRedis, { limits, clock: systemClock, logger: log, fallbackShare: env.HERALD_WORKER_COUNT, prefix: `${env.HERALD_REDIS_PREFIX}:rate` });
    queue = new BullWorkQueue({ redisUrl, logger: log, listenTenants: delivers ? [tenantId] : [], prefix: env.HERALD_REDIS_PREFIX });
  }
  return {
    metrics,
    limiter,
    queue,
    config,
    metricsSources: (store) => ({
      store,
      rateLimitDegraded: limiter ? () => limiter.degraded : undefined,
      queueDepth: queue ? () => queue.depth(tenantId) : undefined,
    }),
    start: (store) => {
      if (!queue || !delivers || !redis) return;
      reconciler = new redis.QueueReconciler({ store, queue, logger: log, holder: newId(), intervalMs: RECONCILE_INTERVAL_MS });
      reconciler.start();
    },
    close: async () => {
      await reconciler?.stop();
      await queue?.stop().catch(() => undefined);
      await limiterRedis?.quit().catch(() => limiterRedis.disconnect());
    },
  };
}

/** The Redis adapters (ioredis, BullMQ) are loaded only by a deployment that has Redis. */
function redisParts() {
  return {
    ...(require('../adapters/redis/redis-client') as typeof import('../adapters/redis/redis-client')),
    ...(require('../adapters/redis/shared-rate-limiter') as typeof import('../adapters/redis/shared-rate-limiter')),
    ...(require('../adapters/queue/bull-work-queue') as typeof import('../adapters/queue/bull-work-queue')),
    ...(require('../adapters/queue/reconciler') as typeof import('../adapters/queue/reconciler')),
  };
}
