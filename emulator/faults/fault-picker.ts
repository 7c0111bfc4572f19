import type { FaultDecision, FaultService, Faults } from '../context';
import { createRandom, type Random } from '../tenant/prng';
import type { FaultRule, FaultsConfig } from './schema';

interface CompiledRule {
  id: string;
  rule: FaultRule;
  pattern: RegExp | undefined;
  matched: number;
  fired: number;
}

/**
 * Decides, per request, whether a configured fault fires. Every matching rule counts the request (so a rule's
 * schedule does not depend on the rules before it); the first rule that fires wins.
 */
export function createFaults(config?: FaultsConfig): Faults {
  const seed = config?.seed ?? 0;
  const rules: CompiledRule[] = (config?.rules ?? []).map((rule, index) => ({
    id: rule.id ?? `${rule.service}-${index + 1}`,
    rule,
    pattern: rule.path === undefined ? undefined : new RegExp(rule.path, 'i'),
    matched: 0,
    fired: 0,
  }));
  let random = createRandom(seed);
  const injected = new Map<string, number>();

  return {
    pick(service, method, path) {
      let chosen: CompiledRule | undefined;
      for (const compiled of rules) {
        if (!matches(compiled, service, method, path)) continue;
        compiled.matched += 1;
        if (!chosen && fires(compiled, random)) chosen = compiled;
      }
      if (!chosen) return undefined;
      chosen.fired += 1;
      injected.set(chosen.id, (injected.get(chosen.id) ?? 0) + 1);
      return decision(chosen);
    },
    injected: () => Object.fromEntries(injected),
    reset() {
      random = createRandom(seed);
      injected.clear();
      for (const compiled of rules) compiled.matched = compiled.fired = 0;
    },
  };
}

function matches({ rule, pattern }: CompiledRule, service: FaultService, method: string, path: string): boolean {
  if (rule.service !== 'any' && rule.service !== service) return false;
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  return !pattern || pattern.test(path);
}

function fires(compiled: CompiledRule, random: Random): boolean {
  const { after = 0, times, every } = compiled.rule.schedule ?? {};
  const eligible = compiled.matched - after;
  if (eligible <= 0) return false;
  if (times !== undefined && compiled.fired >= times) return false;
  if (every !== undefined && eligible % every !== 0) return false;
  const probability = compiled.rule.probability ?? 1;
  // Draw only when it matters, so adding a certain rule does not shift a random one's sequence.
  return probability >= 1 || random.next() < probability;
}

function decision({ id, rule }: CompiledRule): FaultDecision {
  const chosen: FaultDecision = { ruleId: id };
  if (rule.status !== undefined) chosen.status = rule.status;
  if (rule.status === 429 && rule.retryAfterSeconds !== null) chosen.retryAfterSeconds = rule.retryAfterSeconds ?? 1;
  if (rule.latencyMs !== undefined) chosen.latencyMs = rule.latencyMs;
  if (rule.drop) chosen.drop = true;
  return chosen;
}
