import { readAhead } from '../../../core/shared/read-ahead';
import { FakeClock } from '../../support/fake-clock';

/** A source whose every item takes 5 ms of the clock to fetch, and that logs when each fetch starts. */
function recordingSource(clock: FakeClock, items: number[], log: string[], failAt?: number) {
  return {
    closed: false,
    async *[Symbol.asyncIterator]() {
      try {
        for (const item of items) {
          log.push(`fetch ${item}`);
          await clock.sleep(5);
          if (item === failAt) throw new Error(`page ${item} failed`);
          yield item;
        }
      } finally {
        this.closed = true;
      }
    },
  };
}

/** Runs `consume` to its end on the fake clock, a millisecond at a time; resolves with its outcome. */
async function runOn<T>(clock: FakeClock, consume: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  let outcome: { value?: T; error?: unknown } | undefined;
  consume.then(
    (value) => (outcome = { value }),
    (error: unknown) => (outcome = { error }),
  );
  await clock.until(() => outcome, 'the consumer finishes', { stepMs: 1, withinMs: 1000 });
  return outcome!;
}

describe('readAhead', () => {
  it('yields every item in order and fetches the next while the caller works on the current one', async () => {
    const clock = new FakeClock(0);
    const log: string[] = [];
    const seen: number[] = [];
    await runOn(
      clock,
      (async () => {
        for await (const item of readAhead(recordingSource(clock, [1, 2, 3], log))) {
          log.push(`work ${item} starts`);
          await clock.sleep(20);
          log.push(`work ${item} ends`);
          seen.push(item);
        }
      })(),
    );
    expect(seen).toEqual([1, 2, 3]);
    expect(log.indexOf('fetch 2')).toBeLessThan(log.indexOf('work 1 ends'));
    expect(log.indexOf('fetch 3')).toBeLessThan(log.indexOf('work 2 ends'));
    // One fetch (5 ms) and three pieces of work (20 ms each): every later fetch hid behind the work before it.
    expect(clock.now()).toBe(5 + 3 * 20);
  });

  it('hands a failed fetch to the caller when it asks for that item, without an unhandled rejection meanwhile', async () => {
    const clock = new FakeClock(0);
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    const seen: number[] = [];
    try {
      const { error } = await runOn(
        clock,
        (async () => {
          for await (const item of readAhead(recordingSource(clock, [1, 2, 3], [], 2))) {
            // Page 2 fails 5 ms into this work, and sits unawaited for the 25 ms left of it.
            await clock.sleep(30);
            seen.push(item);
          }
        })(),
      );
      expect(error).toEqual(new Error('page 2 failed'));
    } finally {
      process.off('unhandledRejection', unhandled);
    }
    expect(seen).toEqual([1]);
    expect(unhandled).not.toHaveBeenCalled();
  });

  it('closes the source when the caller stops early', async () => {
    const clock = new FakeClock(0);
    const source = recordingSource(clock, [1, 2, 3], []);
    await runOn(
      clock,
      (async () => {
        for await (const item of readAhead(source)) if (item === 1) break;
      })(),
    );
    expect(source.closed).toBe(true);
  });
});
