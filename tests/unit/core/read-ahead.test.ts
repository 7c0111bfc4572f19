import { readAhead } from '../../../core/shared/read-ahead';

/** A source that records when each item was asked for and when the consumer finished with the previous one. */
function recordingSource(items: number[], log: string[], failAt?: number) {
  return {
    closed: false,
    async *[Symbol.asyncIterator]() {
      try {
        for (const item of items) {
          log.push(`fetch ${item}`);
          await new Promise((resolve) => setTimeout(resolve, 5));
          if (item === failAt) throw new Error(`page ${item} failed`);
          yield item;
        }
      } finally {
        this.closed = true;
      }
    },
  };
}

describe('readAhead', () => {
  it('yields every item in order and starts fetching the next before the caller is done with the current one', async () => {
    const log: string[] = [];
    const seen: number[] = [];
    for await (const item of readAhead(recordingSource([1, 2, 3], log))) {
      log.push(`work ${item} starts`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push(`work ${item} ends`);
      seen.push(item);
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(log.indexOf('fetch 2')).toBeLessThan(log.indexOf('work 1 ends'));
    expect(log.indexOf('fetch 3')).toBeLessThan(log.indexOf('work 2 ends'));
  });

  it('hands a failed fetch to the caller when it asks for that item, without an unhandled rejection meanwhile', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    const seen: number[] = [];
    try {
      await expect(
        (async () => {
          for await (const item of readAhead(recordingSource([1, 2, 3], [], 2))) {
            await new Promise((resolve) => setTimeout(resolve, 30));
            seen.push(item);
          }
        })(),
      ).rejects.toThrow('page 2 failed');
    } finally {
      process.off('unhandledRejection', unhandled);
    }
    expect(seen).toEqual([1]);
    expect(unhandled).not.toHaveBeenCalled();
  });

  it('closes the source when the caller stops early', async () => {
    const source = recordingSource([1, 2, 3], []);
    for await (const item of readAhead(source)) if (item === 1) break;
    expect(source.closed).toBe(true);
  });
});
