import { PlatformError } from '../../core/ports/platform-error';

/** Enough for Graph's 429 bursts and a few unlucky 5xx or dropped connections in a row, not for an outage. */
export const READ_ATTEMPTS = 6;
const BASE_MS = 500;
const CAP_MS = 8_000;

/** A read that may succeed if asked again: throttled (429), a 5xx, or no answer at all (status 0). */
export function isTransient(error: unknown): error is PlatformError {
  return error instanceof PlatformError && (error.status === 0 || error.status === 429 || error.status >= 500);
}

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs an idempotent Graph read, trying again on a transient failure: after `Retry-After` when Graph gives one,
 * else after an exponential backoff with jitter. A directory read that fails once must not fail a whole audience
 * resolution (a 100,000-person tenant is 100 pages; at Graph's everyday error rate one of them will fail).
 */
export async function retryingRead<T>(read: () => Promise<T>, options: { sleep?: (ms: number) => Promise<void>; random?: () => number } = {}): Promise<T> {
  const sleep = options.sleep ?? sleepFor;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await read();
    } catch (error) {
      if (!isTransient(error) || attempt >= READ_ATTEMPTS) throw error;
      const backoff = Math.min(CAP_MS, BASE_MS * 2 ** (attempt - 1));
      await sleep(error.retryAfterMs ?? backoff / 2 + random() * (backoff / 2));
    }
  }
}
