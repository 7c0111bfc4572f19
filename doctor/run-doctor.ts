import type { Check, CheckResult, DoctorState } from './check';
import { botEndpointCheck } from './checks/bot-endpoint';
import { botTokenCheck } from './checks/bot-token';
import { catalogAppCheck } from './checks/catalog-app';
import { configurationCheck } from './checks/configuration';
import { databaseCheck } from './checks/database';
import { graphPermissionsCheck } from './checks/graph-permissions';
import { graphTokenCheck } from './checks/graph-token';

/** In order: later checks use what earlier ones obtained (the configuration, the Graph token). */
export const CHECKS: readonly Check[] = [
  configurationCheck,
  graphTokenCheck,
  graphPermissionsCheck,
  catalogAppCheck,
  botTokenCheck,
  botEndpointCheck,
  databaseCheck,
];

/** Runs every check against the given HERALD_* settings; a check that throws is reported as failed. */
export async function runDoctor(source: Record<string, string | undefined>, checks: readonly Check[] = CHECKS): Promise<CheckResult[]> {
  const state: DoctorState = { source };
  const results: CheckResult[] = [];
  for (const check of checks) {
    results.push(await check.run(state).catch((error: unknown) => ({ status: 'fail' as const, title: check.title, detail: `the check itself failed: ${String(error)}`, fix: 'Report this as a bug in Herald\'s doctor.' })));
  }
  return results;
}

/** `✓ Graph token: …` / `✗ Graph permissions: … Fix: …` / `- Bot endpoint: skipped, …` */
export function formatResult(result: CheckResult): string {
  if (result.status === 'pass') return `✓ ${result.title}: ${result.detail}`;
  if (result.status === 'skip') return `- ${result.title}: skipped, ${result.detail}`;
  return `✗ ${result.title}: ${result.detail}. Fix: ${result.fix ?? ''}`;
}
