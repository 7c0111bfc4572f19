import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../../config/logger';

/**
 * A Redis connection that fails fast while Redis is away (no offline queue, a short command timeout), so a caller
 * can fall back at once instead of hanging; ioredis keeps reconnecting in the background. `blocking` is for
 * BullMQ's workers, which must wait on blocking commands without a per-request retry cap.
 */
export function createRedis(url: string, log: Logger, options: { blocking?: boolean; name: string }): Redis {
  const settings: RedisOptions = options.blocking
    ? { maxRetriesPerRequest: null, enableReadyCheck: false }
    : { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 2000 };
  const redis = new Redis(url, {
    ...settings,
    connectionName: `herald-${options.name}`,
    // Reconnect quickly at first, then every 2 s at most: a Redis restart should cost seconds, not minutes.
    retryStrategy: (times) => Math.min(100 * times, 2000),
  });
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    log.warn({ err: { message: error.message }, connection: options.name }, 'Redis is unreachable; Herald carries on with the database alone');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    log.info({ connection: options.name }, 'Redis is back');
  });
  return redis;
}
