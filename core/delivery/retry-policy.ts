/** How transient failures are retried: exponential backoff with jitter, capped in delay and in attempts. */
export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts (including the first) before a recipient is failed with `retries_exhausted`. */
  maxAttempts: number;
  /** When a 429 carries no Retry-After. */
  defaultThrottleMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 1000, maxDelayMs: 60_000, maxAttempts: 6, defaultThrottleMs: 2000 };

/**
 * The wait before attempt `attempt + 1`: half fixed, half random ("equal jitter"), so a burst of failures
 * spreads out instead of returning together, while the wait never collapses to zero.
 */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
