import { retryingRead, READ_ATTEMPTS } from '../../../adapters/graph/read-retry';
import { PlatformError } from '../../../core/ports/platform-error';

const failing = (errors: PlatformError[], value = 'page') => {
  let calls = 0;
  return {
    read: async () => {
      const error = errors[calls++];
      if (error) throw error;
      return value;
    },
    calls: () => calls,
  };
};

describe('directory reads try again on transient failures', () => {
  const waits: number[] = [];
  const options = { sleep: async (ms: number) => void waits.push(ms), random: () => 0.5 };
  beforeEach(() => (waits.length = 0));

  it('when Graph drops the connection, answers 503 and then 429 with Retry-After, then the read succeeds, waiting as asked', async () => {
    const reads = failing([
      new PlatformError('graph', 0, 'TransportError', 'Graph could not be reached (fetch failed)'),
      new PlatformError('graph', 503, 'ServiceUnavailable', 'busy'),
      new PlatformError('graph', 429, 'TooManyRequests', 'slow down', { retryAfterMs: 2000 }),
    ]);
    await expect(retryingRead(reads.read, options)).resolves.toBe('page');
    expect(reads.calls()).toBe(4);
    expect(waits).toEqual([375, 750, 2000]);
  });

  it('when the failure is permanent (404, 403), then it is thrown at once', async () => {
    for (const status of [404, 403, 400]) {
      const reads = failing([new PlatformError('graph', status, 'Nope', 'no')]);
      await expect(retryingRead(reads.read, options)).rejects.toMatchObject({ status });
      expect(reads.calls()).toBe(1);
    }
    expect(waits).toEqual([]);
  });

  it('when Graph keeps failing, then the last error is thrown after the last attempt', async () => {
    const reads = failing(Array.from({ length: 10 }, () => new PlatformError('graph', 502, 'BadGateway', 'down')));
    await expect(retryingRead(reads.read, options)).rejects.toMatchObject({ status: 502 });
    expect(reads.calls()).toBe(READ_ATTEMPTS);
  });
});
