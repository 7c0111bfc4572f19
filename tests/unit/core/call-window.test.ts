import { CallWindow } from '../../../core/delivery/call-window';
import { RateLimiter, UNLIMITED, windowFor } from '../../../core/delivery/rate-limiter';
import { FakeClock } from '../../support/fake-clock';

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Starts `count` acquisitions and records when each is granted. */
function queue(window: CallWindow, clock: FakeClock, count: number) {
  const granted: Array<{ at: number; release: (used?: boolean) => void }> = [];
  for (let i = 0; i < count; i += 1) void window.acquire().then((release) => granted.push({ at: clock.now(), release }));
  return granted;
}

describe('CallWindow', () => {
  it('when the limit is reached, then no call starts until a window after an answer', async () => {
    const clock = new FakeClock(0);
    const window = new CallWindow(3, 1000, clock);
    const granted = queue(window, clock, 5);
    await settle();
    expect(granted).toHaveLength(3);
    await clock.advance(5000);
    expect(granted).toHaveLength(3); // all three still in flight: nothing frees a slot
    granted[0]!.release();
    await settle();
    expect(granted).toHaveLength(3);
    await clock.advance(999);
    expect(granted).toHaveLength(3);
    await clock.advance(1);
    expect(granted).toHaveLength(4);
    expect(granted[3]!.at).toBe(6000);
  });

  it('whatever the answer times, no window-long stretch holds more than the limit of calls in progress', async () => {
    const clock = new FakeClock(0);
    const window = new CallWindow(5, 1000, clock);
    const spans: Array<{ start: number; end: number }> = [];
    const answerIn = [3, 40, 1, 250, 7, 90, 12, 600, 2, 33];
    let next = 0;
    const run = async (): Promise<void> => {
      const release = await window.acquire();
      const start = clock.now();
      await clock.sleep(answerIn[next++ % answerIn.length]!);
      spans.push({ start, end: clock.now() });
      release();
    };
    const all = Promise.all(Array.from({ length: 60 }, run));
    for (let t = 0; t < 20_000 && spans.length < 60; t += 1) await clock.advance(1);
    await all;
    // The server counts each call at some instant in [start, end]. Six calls fit one window-long stretch for some
    // choice of instants exactly when the latest start is less than a window after the earliest end; so for
    // every call, fewer than five calls that started no later may end less than a window before it starts.
    for (const call of spans) {
      const close = spans.filter((other) => other !== call && other.start <= call.start && other.end + 1000 > call.start);
      expect(close.length).toBeLessThan(5);
    }
    expect(spans).toHaveLength(60);
  });

  it('when a granted slot was never used, then it frees at once', async () => {
    const clock = new FakeClock(0);
    const window = new CallWindow(1, 1000, clock);
    const granted = queue(window, clock, 2);
    await settle();
    granted[0]!.release(false);
    await settle();
    expect(granted).toHaveLength(2);
    expect(granted[1]!.at).toBe(0);
  });

  it('when a slot is released twice, then it counts once', async () => {
    const clock = new FakeClock(0);
    const window = new CallWindow(2, 1000, clock);
    const granted = queue(window, clock, 1);
    await settle();
    granted[0]!.release(false);
    granted[0]!.release(false);
    expect(window.occupied(clock.now())).toBe(0);
  });

  it('when paused, then callers wait for the pause even with slots free', async () => {
    const clock = new FakeClock(0);
    const window = new CallWindow(10, 1000, clock);
    window.pauseUntil(2000);
    const granted = queue(window, clock, 2);
    await clock.advance(1999);
    expect(granted).toHaveLength(0);
    await clock.advance(1);
    expect(granted).toHaveLength(2);
  });

  it('when unlimited, then every caller goes at once unless paused', async () => {
    const clock = new FakeClock(0);
    const window = new CallWindow(Infinity, 0, clock);
    const granted = queue(window, clock, 1000);
    await settle();
    expect(granted).toHaveLength(1000);
    window.pauseUntil(500);
    const later = queue(window, clock, 1);
    await settle();
    expect(later).toHaveLength(0);
    await clock.advance(500);
    expect(later).toHaveLength(1);
  });
});

describe('windowFor', () => {
  it('turns a rate into whole calls per window, with a margin for clock truncation', () => {
    expect(windowFor(50)).toEqual({ limit: 50, windowMs: 1002 });
    expect(windowFor(48.5).limit).toBe(49);
    expect(windowFor(48.5).windowMs).toBeCloseTo(1010.31 + 2, 1);
    expect(windowFor(Infinity).limit).toBe(Infinity);
    expect(() => windowFor(0)).toThrow(/positive/);
  });
});

describe('RateLimiter', () => {
  it('when a 429 pauses one tenant and kind, then other tenants and kinds are not held up', async () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter({ connector: 50, installedAppsGet: 30, installedAppsPost: 30 }, clock);
    limiter.pause('t1', 'connector', 3000);
    let paused = false;
    void limiter.acquire('t1', 'connector').then(() => (paused = true));
    (await limiter.acquire('t2', 'connector'))();
    (await limiter.acquire('t1', 'installedAppsPost'))();
    await clock.advance(2999);
    expect(paused).toBe(false);
    await clock.advance(1);
    expect(paused).toBe(true);
  });

  it('when a pause arrives while a caller waits for its slot, then the caller waits for the pause too', async () => {
    const clock = new FakeClock(0);
    const limiter = new RateLimiter({ ...UNLIMITED, connector: 1 }, clock);
    (await limiter.acquire('t', 'connector'))();
    let done = false;
    void limiter.acquire('t', 'connector').then(() => (done = true));
    limiter.pause('t', 'connector', 2000);
    await clock.advance(1100);
    expect(done).toBe(false);
    await clock.advance(900);
    expect(done).toBe(true);
  });
});
