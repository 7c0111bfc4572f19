import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { allUsers, preinstallKnown } from '../support/tenant';
import { runBroadcast, startBenchEmulator, type BroadcastOutcome } from '../support/run-broadcast';
import { runBroadcastWithWorkers, workersDatabase } from '../support/run-workers';

const CARD = path.join(__dirname, '..', 'support', 'card.json');

/**
 * Benchmark 2: the engine's own cost. The emulator enforces no limits; every member already has Herald (their chats
 * are known), so the figure is recipients per second through audience resolution, claims, sends and writes, and
 * the peak memory of the Herald process for the whole broadcast to everyone.
 */
export async function overhead(options: { users: number; env?: Record<string, string>; workers?: number }): Promise<BroadcastOutcome & { recipientsPerSecond: number }> {
  const work = mkdtempSync(path.join(tmpdir(), 'herald-bench-overhead-'));
  const postgres = options.workers ? await workersDatabase() : undefined;
  const databaseUrl = postgres?.url ?? `sqlite:${path.join(work, 'herald.db')}`;
  const { emulator, inspect } = await startBenchEmulator(['--users', String(options.users), '--seed', '12', '--limits', 'off'], path.join(work, 'emulator'));
  try {
    const users = (await allUsers(inspect)).filter((user) => user.userType === 'Member' && user.accountEnabled && user.hasTeamsLicense);
    const ids = users.map((user) => user.id);
    // The emulator enforces nothing here, so Herald's own pacing is lifted too: the figure is the engine's cost.
    const unlimited = { ...options.env, HERALD_RATE_LIMITS: 'off' };
    await preinstallKnown(inspect, databaseUrl, emulator.info.tenantId, emulator.info.botServiceUrl, ids);
    const outcome = options.workers
      ? await runBroadcastWithWorkers(emulator, inspect, databaseUrl, { include: [{ kind: 'everyone' }] }, ids, options.workers, unlimited)
      : await runBroadcast(emulator, inspect, databaseUrl, ['--card', CARD, '--to', 'everyone'], ids, unlimited);
    return { ...outcome, recipientsPerSecond: outcome.figures.total / outcome.wallSeconds };
  } finally {
    await emulator.stop();
    await postgres?.drop();
  }
}
