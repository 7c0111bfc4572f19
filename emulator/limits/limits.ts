import { performance } from 'node:perf_hooks';
import type { LimitDecision, LimitRequest, LimitRule, Limits } from '../context';
import { DIRECTORY_PERIOD_MS, RULE_WINDOWS, directoryCapacity, retryAfterSeconds, type WindowedRule } from './rules';
import { SlidingWindows } from './sliding-windows';
import { TokenBuckets } from './token-buckets';

/** Milliseconds from a monotonic origin; tests pass their own clock. */
export type Clock = () => number;

interface Counter {
  waitMs(key: string, cost: number, now: number): number;
  take(key: string, cost: number, now: number): void;
  clear(): void;
}

/**
 * The documented Teams and Graph throttles (see README.md beside this file). `'off'` allows everything, for
 * engine benchmarks that measure Herald rather than Microsoft's limits.
 */
export function createLimits(mode: 'real' | 'off', tenantUserCount: number, clock: Clock = () => performance.now()): Limits {
  if (mode === 'off') return unlimited();
  const counters = new Map<LimitRule, Counter>();
  for (const rule of Object.keys(RULE_WINDOWS) as WindowedRule[]) counters.set(rule, new SlidingWindows(RULE_WINDOWS[rule]));
  counters.set('graph.directory', new TokenBuckets(directoryCapacity(tenantUserCount), DIRECTORY_PERIOD_MS));
  const throttled = new Map<LimitRule, number>();

  return {
    enabled: true,
    take(requests) {
      const now = clock();
      const denial = bindingDenial(counters, requests, now);
      if (denial) {
        throttled.set(denial.rule, (throttled.get(denial.rule) ?? 0) + 1);
        return { allowed: false, rule: denial.rule, retryAfterSeconds: retryAfterSeconds(denial.rule, denial.waitMs) };
      }
      for (const request of requests) counters.get(request.rule)!.take(request.key, request.cost ?? 1, now);
      return { allowed: true };
    },
    throttled: () => Object.fromEntries(throttled),
    reset() {
      for (const counter of counters.values()) counter.clear();
      throttled.clear();
    },
  };
}

/** The request that must wait longest, if any must: only when it frees up would the whole set be allowed. */
function bindingDenial(counters: Map<LimitRule, Counter>, requests: LimitRequest[], now: number): { rule: LimitRule; waitMs: number } | undefined {
  let worst: { rule: LimitRule; waitMs: number } | undefined;
  for (const request of requests) {
    const counter = counters.get(request.rule);
    if (!counter) throw new Error(`unknown limit rule "${request.rule}"`);
    const waitMs = counter.waitMs(request.key, request.cost ?? 1, now);
    if (waitMs > 0 && (!worst || waitMs > worst.waitMs)) worst = { rule: request.rule, waitMs };
  }
  return worst;
}

function unlimited(): Limits {
  const allowed: LimitDecision = { allowed: true };
  return { enabled: false, take: () => allowed, throttled: () => ({}), reset: () => undefined };
}
