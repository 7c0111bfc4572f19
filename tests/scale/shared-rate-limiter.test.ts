import { randomUUID } from 'node:crypto';
import net from 'node:net';
import type { Redis } from 'ioredis';
import { createRedis } from '../../adapters/redis/redis-client';
import { SharedRateLimiter } from '../../adapters/redis/shared-rate-limiter';
import { createLogger } from '../../config/logger';
import { UNLIMITED, type RateLimits } from '../../core/delivery/rate-limiter';
import { systemClock } from '../../core/shared/clock';
import { silentLogger } from '../../core/shared/logger';
import { REDIS_URL } from './support/services';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quiet = createLogger({ level: 'silent' });

/**
 * The call window shared through the Redis of this machine by several `SharedRateLimiter`s, each on its own
 * connection as a worker process would be. Real clock, small limits: each test takes a few seconds.
 */
describe('SharedRateLimiter on Redis', () => {
  let prefix: string;
  let connections: Redis[] = [];
  let proxies: RedisProxy[] = [];
  let admin: Redis;

  beforeAll(() => {
    admin = createRedis(REDIS_URL, quiet, { name: 'test-admin' });
  });

  beforeEach(() => {
    prefix = `herald-test-limiter-${randomUUID()}`;
  });

  afterEach(async () => {
    for (const redis of connections) redis.disconnect();
    connections = [];
    await Promise.all(proxies.map((proxy) => proxy.stop()));
    proxies = [];
    const keys = await admin.keys(`${prefix}:*`);
    if (keys.length > 0) await admin.del(...keys);
  });

  afterAll(async () => {
    await admin.quit();
  });

  /** A worker's limiter on its own connection to `url`, one of `share` workers of the tenant. */
  function worker(limits: RateLimits, share: number, url = REDIS_URL): SharedRateLimiter {
    const redis = createRedis(url, quiet, { name: 'test-worker' });
    connections.push(redis);
    return new SharedRateLimiter(redis, { limits, clock: systemClock, logger: silentLogger, fallbackShare: share, prefix });
  }

  /** `count` workers sharing one tenant's window. */
  function workers(count: number, limits: RateLimits): SharedRateLimiter[] {
    return Array.from({ length: count }, () => worker(limits, count));
  }

  it('when three workers make calls of varying latency, then no second holds more than the limit of calls in progress', async () => {
    const limit = 10;
    const limiters = workers(3, { ...UNLIMITED, connector: limit });
    const answerIn = [3, 40, 1, 250, 7, 90, 12, 600, 2, 33, 150, 5];
    const spans: Array<{ start: number; end: number }> = [];
    await Promise.all(
      Array.from({ length: 36 }, async (_, call) => {
        const release = await limiters[call % limiters.length]!.acquire('tenant', 'connector');
        const start = Date.now();
        await sleep(answerIn[call % answerIn.length]!);
        spans.push({ start, end: Date.now() });
        release();
      }),
    );
    // Microsoft counts each call at some instant between its start and its end. Eleven calls fit one second for
    // some choice of instants exactly when the latest start is less than a second after the earliest end; so
    // for every call, fewer than ten calls that started no later may end less than a second before it starts.
    for (const call of spans) {
      const close = spans.filter((other) => other !== call && other.start <= call.start && other.end + 1000 > call.start);
      expect(close.length).toBeLessThan(limit);
    }
    expect(spans).toHaveLength(36);
    expect(limiters.some((limiter) => limiter.degraded)).toBe(false);
  });

  it('when one worker is told to retry after 1.5 s, then the other workers wait it out too, and other kinds do not', async () => {
    const [first, second, third] = workers(3, { ...UNLIMITED, connector: 10, installedAppsGet: 10 }) as [SharedRateLimiter, SharedRateLimiter, SharedRateLimiter];
    const pausedAt = Date.now();
    first.pause('tenant', 'connector', 1500);
    // Commands on one connection run in order: once this slot is granted, Redis holds the pause.
    (await first.acquire('tenant', 'installedAppsGet'))();
    expect(Date.now() - pausedAt).toBeLessThan(1000);

    const grantedAfter = await Promise.all(
      [second, third].map(async (limiter) => {
        (await limiter.acquire('tenant', 'connector'))();
        return Date.now() - pausedAt;
      }),
    );
    // Whole milliseconds here, microseconds in Redis: a millisecond of truncation either way.
    for (const after of grantedAfter) expect(after).toBeGreaterThanOrEqual(1499);
    (await second.acquire('another-tenant', 'connector'))();
  });

  it('when a granted slot is handed back unused, then a worker waiting for it gets it long before a window passes', async () => {
    // 0.25 calls/s: one call per 4 s window.
    const [holder, waiter] = workers(2, { ...UNLIMITED, connector: 0.25 }) as [SharedRateLimiter, SharedRateLimiter];
    const release = await holder.acquire('tenant', 'connector');
    let grantedAt = 0;
    const waiting = waiter.acquire('tenant', 'connector').then((next) => {
      grantedAt = Date.now();
      return next;
    });
    await sleep(200); // the waiter has asked Redis and been told every slot is taken
    expect(grantedAt).toBe(0);
    const releasedAt = Date.now();
    release(false);
    (await waiting)();
    expect(grantedAt - releasedAt).toBeLessThan(1000);
  });

  it('when a kind is unlimited, then its calls and pauses never touch Redis', async () => {
    const limiter = worker({ ...UNLIMITED, connector: 10 }, 1, `redis://127.0.0.1:${await closedPort()}`);
    const releases = await Promise.all(Array.from({ length: 100 }, () => limiter.acquire('tenant', 'installedAppsPost')));
    for (const release of releases) release();
    limiter.pause('tenant', 'installedAppsPost', 10);
    await sleep(20);
    (await limiter.acquire('tenant', 'installedAppsPost'))();
    // A command to this Redis fails at once, which would have switched the limiter to its fallback.
    expect(limiter.degraded).toBe(false);
    (await limiter.acquire('tenant', 'connector'))();
    expect(limiter.degraded).toBe(true);
  });

  it('when Redis becomes unreachable, then calls go on in a local window at the worker share, and Redis takes over again once it is back', async () => {
    const proxy = await RedisProxy.start(new URL(REDIS_URL));
    proxies.push(proxy);
    // One of three workers: 9 calls/s together, 3 per window for this one alone.
    const limiter = worker({ ...UNLIMITED, connector: 9 }, 3, `redis://127.0.0.1:${proxy.port}`);
    (await limiter.acquire('tenant', 'connector'))();
    expect(limiter.degraded).toBe(false);
    expect(await admin.keys(`${prefix}:*`)).not.toHaveLength(0);

    await proxy.stop();
    await admin.del(...(await admin.keys(`${prefix}:*`)));
    let granted = 0;
    const calls = Array.from({ length: 4 }, async () => {
      const release = await limiter.acquire('tenant', 'connector');
      granted += 1;
      release();
    });
    await sleep(300);
    expect(limiter.degraded).toBe(true);
    expect(granted).toBe(3); // the fourth only a window after the first answer
    await Promise.all(calls);
    expect(await admin.keys(`${prefix}:*`)).toHaveLength(0);

    await proxy.listen();
    const deadline = Date.now() + 15_000;
    while (limiter.degraded && Date.now() < deadline) {
      (await limiter.acquire('tenant', 'connector'))();
      await sleep(100);
    }
    expect(limiter.degraded).toBe(false);
    expect(await admin.keys(`${prefix}:*`)).not.toHaveLength(0);
  });
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A TCP relay to Redis that can be cut (every connection closed, the port refused) and restored on the same port. */
class RedisProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly target: URL,
    public port: number,
  ) {}

  static async start(target: URL): Promise<RedisProxy> {
    const proxy = new RedisProxy(target, 0);
    await proxy.listen();
    return proxy;
  }

  async listen(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(Number(this.target.port || 6379), this.target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}
