import { RateLimiter, UNLIMITED } from '../../../core/delivery/rate-limiter';
import { TokenBucket } from '../../../core/delivery/token-bucket';
import { ManualClock } from './fakes/manual-clock';

describe('TokenBucket', () => {
  it('when requests come faster than the rate, then each later one waits one interval more', () => {
    const bucket = new TokenBucket(50, 1);
    expect([0, 0, 0, 0].map(() => bucket.reserve(1000))).toEqual([0, 20, 40, 60]);
  });

  it('when a burst is allowed, then that many go at once and the rest are spaced by the rate', () => {
    const bucket = new TokenBucket(10, 3);
    expect([1, 2, 3, 4, 5].map(() => bucket.reserve(0))).toEqual([0, 0, 0, 100, 200]);
  });

  it('when time passes, then the bucket refills up to its burst and no further', () => {
    const bucket = new TokenBucket(10, 2);
    bucket.reserve(0);
    bucket.reserve(0);
    expect(bucket.reserve(10_000)).toBe(0);
    expect(bucket.reserve(10_000)).toBe(0);
    expect(bucket.reserve(10_000)).toBe(100);
  });

  it('when paused (a Retry-After), then no slot is given before the pause ends', () => {
    const bucket = new TokenBucket(50, 1);
    bucket.pauseUntil(5000);
    expect(bucket.reserve(1000)).toBe(4000);
    expect(bucket.reserve(1000)).toBe(4020);
  });

  it('when N requests are reserved at a steady rate, then no 1-second window holds more than the platform limit of 50', () => {
    const bucket = new TokenBucket(49, 1);
    const times = Array.from({ length: 500 }, () => 0).map((now) => now + bucket.reserve(now));
    const worst = Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + 1000).length));
    expect(worst).toBeLessThanOrEqual(50);
  });

  it('when unlimited, then nothing waits', () => {
    const bucket = new TokenBucket(Infinity);
    expect([1, 2, 3].map(() => bucket.reserve(0))).toEqual([0, 0, 0]);
  });
});

describe('RateLimiter', () => {
  it('when a 429 pauses one tenant and kind, then other tenants and kinds are not held up', async () => {
    const clock = new ManualClock(0);
    const limiter = new RateLimiter({ connector: 50, installedAppsGet: 30, installedAppsPost: 30, burst: 1 }, clock);
    limiter.pause('t1', 'connector', 3000);
    let paused = false;
    void limiter.acquire('t1', 'connector').then(() => (paused = true));
    await limiter.acquire('t2', 'connector');
    await limiter.acquire('t1', 'installedAppsPost');
    await clock.advance(2999);
    expect(paused).toBe(false);
    await clock.advance(1);
    expect(paused).toBe(true);
  });

  it('when a pause arrives while a caller waits for its slot, then the caller waits for the pause too', async () => {
    const clock = new ManualClock(0);
    const limiter = new RateLimiter({ ...UNLIMITED, connector: 10 }, clock);
    await limiter.acquire('t', 'connector');
    let done = false;
    void limiter.acquire('t', 'connector').then(() => (done = true));
    limiter.pause('t', 'connector', 1000);
    await clock.advance(100);
    expect(done).toBe(false);
    await clock.advance(900);
    await clock.advance(100);
    expect(done).toBe(true);
  });
});
