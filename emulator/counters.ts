import type { Counters } from './context';

export function createCounters(): Counters {
  const values = new Map<string, number>();
  return {
    add: (name, by = 1) => void values.set(name, (values.get(name) ?? 0) + by),
    snapshot: () => Object.fromEntries(values),
    reset: () => values.clear(),
  };
}
