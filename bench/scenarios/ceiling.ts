import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { departmentGroupIds, allUsers, preinstallKnown } from '../support/tenant';
import { runBroadcast, startBenchEmulator, type BroadcastOutcome } from '../support/run-broadcast';
import { runBroadcastWithWorkers, workersDatabase } from '../support/run-workers';

const CARD = path.join(__dirname, '..', 'support', 'card.json');

export interface CeilingResult {
  installed: BroadcastOutcome & { ratio: number; limit: number };
  fresh: BroadcastOutcome & { ratio: number; limit: number };
}

/**
 * Benchmark 1: against the emulator's real limits, half the tenant already has Herald (only sends are left: 50/s
 * binds) and half never had it (installs: 30/s binds). Each half is four department groups of a 10,000-person tenant.
 */
export async function ceiling(options: { users: number; env?: Record<string, string>; workers?: number }): Promise<CeilingResult> {
  const work = mkdtempSync(path.join(tmpdir(), 'herald-bench-ceiling-'));
  // --workers N: N worker processes on PostgreSQL + Redis instead of the one command-line process on SQLite.
  const postgres = options.workers ? await workersDatabase() : undefined;
  const databaseUrl = postgres?.url ?? `sqlite:${path.join(work, 'herald.db')}`;
  const { emulator, inspect } = await startBenchEmulator(['--users', String(options.users), '--seed', '11', '--limits', 'real'], path.join(work, 'emulator'));
  try {
    const users = await allUsers(inspect);
    const groups = await departmentGroupIds(inspect);
    const members = (departments: number[]) =>
      users.filter((user, index) => departments.includes(index % 8) && user.userType === 'Member' && user.accountEnabled).map((user) => user.id);
    const installedIds = members([0, 1, 2, 3]);
    const freshIds = members([4, 5, 6, 7]);
    await preinstallKnown(inspect, databaseUrl, emulator.info.tenantId, emulator.info.botServiceUrl, installedIds);
    const to = (indexes: number[]) => indexes.flatMap((index) => ['--to', `group:${groups[index]}`]);

    const run = (indexes: number[], ids: string[]) =>
      options.workers
        ? runBroadcastWithWorkers(emulator, inspect, databaseUrl, { include: indexes.map((index) => ({ kind: 'group' as const, id: groups[index]! })) }, ids, options.workers, options.env)
        : runBroadcast(emulator, inspect, databaseUrl, ['--card', CARD, ...to(indexes)], ids, options.env);
    const installed = await run([0, 1, 2, 3], installedIds);
    const fresh = await run([4, 5, 6, 7], freshIds);
    return {
      installed: { ...installed, limit: 50, ratio: installed.figures.sendRate / 50 },
      fresh: { ...fresh, limit: 30, ratio: fresh.figures.sendRate / 30 },
    };
  } finally {
    await emulator.stop();
    await postgres?.drop();
  }
}
