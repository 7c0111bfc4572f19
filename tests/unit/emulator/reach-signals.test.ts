import { createLimits } from '../../../emulator/limits/limits';
import { READ_RECEIPTS_OFF_PERCENT, readReceiptsOffFor, seedDirectory } from '../../../emulator/tenant/seed';
import { TenantState } from '../../../emulator/tenant/state';

function fakeClock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => void (time += ms) };
}

const notify = (tenant: string, user: string) => [
  { rule: 'graph.activityNotification' as const, key: tenant },
  { rule: 'graph.activityNotification.perUser' as const, key: `${tenant}|${user}` },
];

describe('limits of activity notifications', () => {
  it('when a tenant sends 5 in a second, then the 6th waits for the second to pass (Graph keeps milliseconds)', () => {
    const clock = fakeClock();
    const limits = createLimits('real', 100, clock.now);
    for (let i = 0; i < 5; i++) expect(limits.take(notify('t', `u${i}`)).allowed).toBe(true);
    clock.advance(250);
    expect(limits.take(notify('t', 'u9'))).toEqual({ allowed: false, rule: 'graph.activityNotification', retryAfterSeconds: 0.75 });
    clock.advance(750);
    expect(limits.take(notify('t', 'u9')).allowed).toBe(true);
  });

  it('when one person got 10 in a minute, then the 11th to them is refused for the rest of the minute while others still get theirs', () => {
    const clock = fakeClock();
    const limits = createLimits('real', 100, clock.now);
    for (let i = 0; i < 10; i++) {
      expect(limits.take(notify('t', 'ann')).allowed).toBe(true);
      clock.advance(1000);
    }
    expect(limits.take(notify('t', 'ann'))).toEqual({ allowed: false, rule: 'graph.activityNotification.perUser', retryAfterSeconds: 50 });
    expect(limits.take(notify('t', 'bob')).allowed).toBe(true);
    clock.advance(50_000);
    expect(limits.take(notify('t', 'ann')).allowed).toBe(true);
  });
});

describe('read receipts in the seeded tenant', () => {
  it(`when people are seeded, then about ${READ_RECEIPTS_OFF_PERCENT}% have their own read receipts off, always the same ones`, () => {
    const first = seedDirectory({ users: 5000, seed: 11 });
    const again = seedDirectory({ users: 5000, seed: 11 });
    const off = first.users.filter((user) => !user.readReceiptsEnabled).length;
    expect(off / first.users.length).toBeGreaterThan(0.18);
    expect(off / first.users.length).toBeLessThan(0.22);
    expect(again.users.map((user) => user.readReceiptsEnabled)).toEqual(first.users.map((user) => user.readReceiptsEnabled));
    expect(first.users.every((user) => user.readReceiptsEnabled === !readReceiptsOffFor(user.id))).toBe(true);
  });

  it('when the seed gains the setting, then every other seeded value is unchanged (it consumes no random numbers)', () => {
    const directory = seedDirectory({ users: 20, seed: 7 });
    const withPolicy = seedDirectory({ users: 20, seed: 7, readReceiptsPolicy: 'None' });
    expect(withPolicy.users).toEqual(directory.users);
    expect(withPolicy.catalog).toEqual(directory.catalog);
    expect(withPolicy.readReceiptsPolicy).toBe('None');
    expect(directory.readReceiptsPolicy).toBe('UserPreference');
  });
});

describe('message ids', () => {
  it('when many messages land in one millisecond, then their ids are still numeric, safe integers and strictly increasing', () => {
    const state = new TenantState(seedDirectory({ users: 3, seed: 7 }), 7);
    const user = state.directory.users[0]!;
    const chat = state.personalConversation(user.id, state.directory.botClient.clientId);
    const ids = Array.from({ length: 2000 }, (_, index) => state.addActivity(chat, { type: 'message', text: String(index) }, 'bot').id);
    const numbers = ids.map(Number);
    expect(numbers.every((value, index) => Number.isSafeInteger(value) && String(value) === ids[index])).toBe(true);
    expect(numbers.every((value, index) => index === 0 || value > numbers[index - 1]!)).toBe(true);
    // Epoch milliseconds, as Teams' ("1692206589131"): within a second or two of the clock even in a burst.
    expect(Math.abs(numbers[0]! - Date.now())).toBeLessThan(60_000);
  });
});
