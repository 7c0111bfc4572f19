import { createLimits } from '../../../emulator/limits/limits';
import { SlidingWindows } from '../../../emulator/limits/sliding-windows';

function fakeClock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => void (time += ms) };
}

const send = (thread: string) => [{ rule: 'teams.send' as const, key: thread }];

describe('limits', () => {
  it('when a thread gets 7 sends in a second, then the 8th is throttled until the oldest leaves the window', () => {
    const clock = fakeClock();
    const limits = createLimits('real', 100, clock.now);
    for (let i = 0; i < 7; i++) expect(limits.take(send('a:1'))).toEqual({ allowed: true });
    const denied = limits.take(send('a:1'));
    expect(denied).toEqual({ allowed: false, rule: 'teams.send', retryAfterSeconds: 1 });
    expect(limits.take(send('a:2'))).toEqual({ allowed: true });
    clock.advance(1000);
    expect(limits.take(send('a:1'))).toEqual({ allowed: true });
    expect(limits.throttled()).toEqual({ 'teams.send': 1 });
  });

  it('when a thread has had 8 sends in 2 s, then the 2-second window binds even after the 1-second one frees', () => {
    const clock = fakeClock();
    const limits = createLimits('real', 100, clock.now);
    for (let i = 0; i < 7; i++) limits.take(send('t'));
    clock.advance(1000);
    expect(limits.take(send('t')).allowed).toBe(true);
    const denied = limits.take(send('t'));
    expect(denied).toMatchObject({ allowed: false, rule: 'teams.send' });
    clock.advance(999);
    expect(limits.take(send('t')).allowed).toBe(false);
    clock.advance(1);
    expect(limits.take(send('t')).allowed).toBe(true);
  });

  it('when 60 sends spread over 30 s reach a thread, then the next waits for the 30-second window, in whole seconds', () => {
    const clock = fakeClock();
    const limits = createLimits('real', 100, clock.now);
    for (let i = 0; i < 60; i++) {
      expect(limits.take(send('t')).allowed).toBe(true);
      clock.advance(400);
    }
    // The first send was 24 s ago: it leaves the 30 s window in 6 s.
    expect(limits.take(send('t'))).toEqual({ allowed: false, rule: 'teams.send', retryAfterSeconds: 6 });
  });

  it('when one request of a set is throttled, then none of the set is taken', () => {
    const clock = fakeClock();
    const limits = createLimits('real', 100, clock.now);
    for (let i = 0; i < 7; i++) limits.take(send('busy'));
    for (let i = 0; i < 49; i++) limits.take([{ rule: 'teams.tenant', key: 'tenant' }]);
    const denied = limits.take([{ rule: 'teams.tenant', key: 'tenant' }, ...send('busy')]);
    expect(denied).toMatchObject({ allowed: false, rule: 'teams.send' });
    // The tenant still has the one unit the denied set did not take.
    expect(limits.take([{ rule: 'teams.tenant', key: 'tenant' }, ...send('idle')])).toEqual({ allowed: true });
    expect(limits.take([{ rule: 'teams.tenant', key: 'tenant' }])).toMatchObject({ allowed: false, rule: 'teams.tenant' });
  });

  it('when several limits are exhausted, then Retry-After is the wait for the slowest of them', () => {
    const clock = fakeClock();
    const limits = createLimits('real', 100, clock.now);
    for (let i = 0; i < 60; i++) {
      limits.take(send('slow'));
      clock.advance(400);
    }
    for (let i = 0; i < 50; i++) limits.take([{ rule: 'teams.tenant', key: 'x' }]);
    const denied = limits.take([{ rule: 'teams.tenant', key: 'x' }, ...send('slow')]);
    expect(denied).toEqual({ allowed: false, rule: 'teams.send', retryAfterSeconds: 6 });
    expect(limits.throttled()).toEqual({ 'teams.send': 1 });
  });

  it('when a Graph limit is exhausted, then Retry-After is fractional', () => {
    const clock = fakeClock();
    const limits = createLimits('real', 100, clock.now);
    for (let i = 0; i < 15; i++) limits.take([{ rule: 'graph.installedApps.delete', key: 'tenant' }]);
    clock.advance(250);
    expect(limits.take([{ rule: 'graph.installedApps.delete', key: 'tenant' }])).toEqual({
      allowed: false, rule: 'graph.installedApps.delete', retryAfterSeconds: 0.75,
    });
  });

  it('when a small tenant spends 3,500 directory units, then it waits for the bucket to refill', () => {
    const clock = fakeClock();
    const limits = createLimits('real', 40, clock.now);
    const users = [{ rule: 'graph.directory' as const, key: 'tenant', cost: 2 }];
    for (let i = 0; i < 1750; i++) expect(limits.take(users).allowed).toBe(true);
    expect(limits.take(users)).toEqual({ allowed: false, rule: 'graph.directory', retryAfterSeconds: 0.006 });
    clock.advance(6);
    expect(limits.take(users).allowed).toBe(true);
  });

  it('when the tenant is large, then its directory bucket holds 8,000 units', () => {
    const limits = createLimits('real', 501, fakeClock().now);
    expect(limits.take([{ rule: 'graph.directory', key: 't', cost: 8000 }]).allowed).toBe(true);
    expect(limits.take([{ rule: 'graph.directory', key: 't', cost: 1 }]).allowed).toBe(false);
  });

  it('when reset, then windows and throttle counts are cleared', () => {
    const limits = createLimits('real', 100, fakeClock().now);
    for (let i = 0; i < 8; i++) limits.take([{ rule: 'graph.oneTeam', key: 'team' }]);
    expect(limits.throttled()).toEqual({ 'graph.oneTeam': 4 });
    limits.reset();
    expect(limits.throttled()).toEqual({});
    expect(limits.take([{ rule: 'graph.oneTeam', key: 'team' }]).allowed).toBe(true);
  });

  it('when limits are off, then everything is allowed and nothing is recorded', () => {
    const limits = createLimits('off', 100);
    expect(limits.enabled).toBe(false);
    for (let i = 0; i < 100; i++) expect(limits.take(send('t')).allowed).toBe(true);
    expect(limits.throttled()).toEqual({});
  });

  it('when 100,000 threads were each sent to an hour ago, then their windows are pruned', () => {
    const clock = fakeClock();
    const windows = new SlidingWindows([{ limit: 7, ms: 1000 }, { limit: 1800, ms: 3_600_000 }]);
    for (let i = 0; i < 100_000; i++) windows.take(`a:${i}`, 1, clock.now());
    expect(windows.size).toBe(100_000);
    clock.advance(3_600_001);
    windows.take('a:fresh', 1, clock.now());
    expect(windows.size).toBe(1);
  });

  it('when an unknown rule is asked for, then it fails loudly', () => {
    const limits = createLimits('real', 10);
    expect(() => limits.take([{ rule: 'teams.nope' as never, key: 'k' }])).toThrow(/unknown limit rule/);
  });
});
