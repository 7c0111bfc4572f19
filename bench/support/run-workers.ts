import { loadEnv } from '../../config/env';
import { createLogger } from '../../config/logger';
import { composeHerald } from '../../app/compose-herald';
import type { SpawnedEmulator } from '../../emulator/spawn';
import { createDatabase, databaseUrl as urlOf, dropDatabase, REDIS_URL } from '../../tests/scale/support/services';
import { startWorker, stopWorker } from '../../tests/scale/support/worker-process';
import type { InspectClient } from './inspect-client';
import { deliveryFigures } from './measure';
import { heraldEnv, throttledSince, type BroadcastOutcome } from './run-broadcast';

/** A fresh PostgreSQL database for a `--workers` run (workers share state there; SQLite is one machine's). */
export async function workersDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = await createDatabase('herald_bench');
  return { url: urlOf(name), drop: () => dropDatabase(name) };
}

/**
 * Like `runBroadcast`, but N `npm run worker` processes deliver (PostgreSQL + Redis), while this process plays the
 * web server: it creates and starts the broadcast and receives the emulated Teams' bot events.
 */
export async function runBroadcastWithWorkers(
  emulator: SpawnedEmulator,
  inspect: InspectClient,
  databaseUrl: string,
  audience: { include: Array<{ kind: 'everyone' } | { kind: 'group'; id: string }> },
  audienceIds: string[],
  workers: number,
  extraEnv: Record<string, string> = {},
): Promise<BroadcastOutcome> {
  const env = { ...heraldEnv(emulator, databaseUrl, extraEnv), HERALD_REDIS_URL: REDIS_URL, HERALD_REDIS_PREFIX: `herald-bench-${Date.now()}`, HERALD_WORKER_COUNT: String(workers) };
  const web = await composeHerald({ env: loadEnv({ ...env, HERALD_ROLE: 'web' }), logger: createLogger({ level: 'warn' }), serve: 'bot' });
  const processes = await Promise.all(Array.from({ length: workers }, () => startWorker(env)));
  try {
    const before = await inspect.summary();
    const deliveredBefore = await inspect.deliveriesByUser();
    const startedAt = Date.now();
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Benchmark' }] };
    const notification = await web.engine.createNotification({ tenantId: web.settings.tenantId, title: 'Benchmark', card, audience: { ...audience, exclude: [], includeGuests: false }, createdBy: 'bench' });
    await web.engine.send(notification.id);
    while ((await web.store.notifications.get(notification.id))?.status !== 'completed') await new Promise((resolve) => setTimeout(resolve, 250));
    const wallSeconds = (Date.now() - startedAt) / 1000;
    const figures = await deliveryFigures(databaseUrl, notification.id, startedAt);
    const after = await inspect.summary();
    const delivered = await inspect.deliveriesByUser();
    let lost = 0;
    let duplicated = 0;
    for (const userId of audienceIds) {
      const received = (delivered.get(userId) ?? 0) - (deliveredBefore.get(userId) ?? 0);
      if (received > 1) duplicated += 1;
      if (received === 0) lost += 1;
    }
    const total = (counters: Record<string, number>, suffix: string) => (counters[`graph.${suffix}`] ?? 0) + (counters[`connector.${suffix}`] ?? 0);
    return {
      notificationId: notification.id,
      figures,
      peakRssMb: 0,
      wallSeconds,
      requests: total(after.counters, 'requests') - total(before.counters, 'requests'),
      throttled: total(after.counters, '429') - total(before.counters, '429'),
      throttledByRule: throttledSince(before.throttled, after.throttled),
      lost: Math.max(0, lost - figures.failed),
      duplicated,
    };
  } finally {
    await Promise.all(processes.map(stopWorker));
    await web.close();
  }
}
