import { spawnEmulator, type SpawnedEmulator } from '../../emulator/spawn';
import { runHerald } from './herald-process';
import { InspectClient } from './inspect-client';
import { deliveryFigures, type DeliveryFigures } from './measure';

export interface BroadcastOutcome {
  notificationId: string;
  figures: DeliveryFigures;
  peakRssMb: number;
  wallSeconds: number;
  /** Requests the emulator answered, and how many of them with 429, during this broadcast. */
  requests: number;
  throttled: number;
  /** 429s the emulator issued during the broadcast, per limit. */
  throttledByRule?: Record<string, number>;
  lost: number;
  duplicated: number;
}

export async function startBenchEmulator(args: string[], stateDir: string): Promise<{ emulator: SpawnedEmulator; inspect: InspectClient }> {
  const emulator = await spawnEmulator(['--port', '0', '--state-dir', stateDir, ...args], { timeoutMs: 120_000 });
  return { emulator, inspect: new InspectClient(emulator.info.inspectUrl) };
}

export function heraldEnv(emulator: SpawnedEmulator, databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return { HERALD_EMULATOR: 'attach', HERALD_EMULATOR_PORT: new URL(emulator.info.origin).port, HERALD_DATABASE_URL: databaseUrl, ...extra };
}

const requestTotal = (counters: Record<string, number>): number => (counters['graph.requests'] ?? 0) + (counters['connector.requests'] ?? 0);
const throttledTotal = (counters: Record<string, number>): number => (counters['graph.429'] ?? 0) + (counters['connector.429'] ?? 0);

/** 429s the emulator issued per limit between two summaries. */
export function throttledSince(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after)
      .map(([rule, count]) => [rule, count - (before[rule] ?? 0)] as const)
      .filter(([, count]) => count > 0),
  );
}

/** Runs `herald send` in its own process to the end and measures it against the emulator's own records. */
export async function runBroadcast(
  emulator: SpawnedEmulator,
  inspect: InspectClient,
  databaseUrl: string,
  sendArgs: string[],
  audienceIds: string[],
  extraEnv: Record<string, string> = {},
): Promise<BroadcastOutcome> {
  const before = await inspect.summary();
  const deliveredBefore = await inspect.deliveriesByUser();
  const startedAt = Date.now();
  const run = runHerald(['send', ...sendArgs], heraldEnv(emulator, databaseUrl, extraEnv));
  const result = await run.done;
  const wallSeconds = (Date.now() - startedAt) / 1000;
  if (result.code !== 0 && result.code !== 1) throw new Error(`herald send exited with ${result.code ?? result.signal}:\n${result.output}`);
  const notificationId = /Notification (\S+)/.exec(result.output)?.[1];
  if (!notificationId) throw new Error(`herald send printed no notification id:\n${result.output}`);
  const figures = await deliveryFigures(databaseUrl, notificationId, startedAt);
  const after = await inspect.summary();
  const delivered = await inspect.deliveriesByUser();
  let lost = 0;
  let duplicated = 0;
  const failed = figures.failed;
  for (const userId of audienceIds) {
    const received = (delivered.get(userId) ?? 0) - (deliveredBefore.get(userId) ?? 0);
    if (received > 1) duplicated += 1;
    if (received === 0) lost += 1;
  }
  return {
    notificationId,
    figures,
    peakRssMb: result.peakRssMb,
    wallSeconds,
    requests: requestTotal(after.counters) - requestTotal(before.counters),
    throttled: throttledTotal(after.counters) - throttledTotal(before.counters),
    throttledByRule: throttledSince(before.throttled, after.throttled),
    // Recipients Herald marked failed (with a reason) are not lost: they are reported.
    lost: Math.max(0, lost - failed),
    duplicated,
  };
}
