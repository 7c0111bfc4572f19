import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createStore } from '../../adapters/sql/create-store';
import type { SqlStore } from '../../adapters/sql/sql-store';
import { HERALD_NODE_ARGS } from '../../config/node-flags';
import type { FollowUpPlan } from '../../core/followups/followup-plan';
import { heraldEnv, startBenchEmulator } from '../support/run-broadcast';
import { allUsers, preinstallKnown } from '../support/tenant';

const ROOT = path.resolve(__dirname, '..', '..');
const CHILD = path.join(ROOT, 'bench', 'support', 'followup-herald.ts');
/** Teams' Connector budget per app per tenant: nothing else calls the Connector during the round, so all of it is left. */
const CONNECTOR_BUDGET = 50;

export interface RemindersResult {
  recipients: number;
  read: number;
  acknowledged: number;
  due: number;
  remindersSent: number;
  /** Rows claimed by the killed process whose call's outcome was never written (not sent again: at-most-once). */
  interrupted: number;
  toAcknowledged: number;
  duplicates: number;
  /** Unacknowledged people who got no reminder, beyond those interrupted. */
  missed: number;
  kills: number;
  /** Reminders/s in each stretch the process ran (before the kill, after the restart). */
  segments: Array<{ reminders: number; seconds: number; perSecond: number }>;
  ratio: number;
  connector429: number;
  wallSeconds: number;
}

/**
 * "Reminders out": a card to every member (10,000 users by default) under Teams' real limits, 60% read their chat
 * (the emulator's bulk read), 30% acknowledge it through the emulated Teams client's card action; then one reminder
 * round, with Herald killed by SIGKILL during it and started again. Measured against the emulator's own record.
 */
export async function reminders(options: { users: number; killAfterSeconds: number }): Promise<RemindersResult> {
  const work = mkdtempSync(path.join(tmpdir(), 'herald-bench-reminders-'));
  const databaseUrl = `sqlite:${path.join(work, 'herald.db')}`;
  const { emulator, inspect } = await startBenchEmulator(['--users', String(options.users), '--seed', '21', '--limits', 'real'], path.join(work, 'emulator'));
  const started = Date.now();
  const env = heraldEnv(emulator, databaseUrl, { HERALD_WELCOME: 'off' });
  try {
    const users = await allUsers(inspect);
    const members = users.filter((user) => user.userType === 'Member' && user.accountEnabled && user.hasTeamsLicense).map((user) => user.id);
    await preinstallKnown(inspect, databaseUrl, emulator.info.tenantId, emulator.info.botServiceUrl, members);

    const deliver = runChild(['deliver'], env);
    const { notificationId } = (await deliver.line()) as { notificationId: string };
    const store = (await createStore({ url: databaseUrl })) as SqlStore;
    const recipients: Array<{ userId: string; conversationId: string; activityId: string }> = [];
    for (let after = 0; ; ) {
      const page = await store.recipients.page(notificationId, after, 5000, 'sent');
      if (page.length === 0) break;
      for (const r of page) recipients.push({ userId: r.userId, conversationId: r.conversationId!, activityId: r.activityId! });
      after = page[page.length - 1]!.id;
    }
    // 60% read (every tenth person from 0 to 5 of each 10), of whom half acknowledge: 30% of everyone.
    const readers = recipients.filter((_, index) => index % 10 < 6);
    const acknowledgers = recipients.filter((_, index) => index % 10 < 3);
    for (let start = 0; start < readers.length; start += 2000) {
      await inspect.call('POST', '/read-chats', { userIds: readers.slice(start, start + 2000).map((r) => r.userId), concurrency: 16 });
    }
    const teamsApi = `${emulator.info.teamsClientUrl}api`;
    await inParallel(acknowledgers, 16, async (r) => {
      const response = await fetch(`${teamsApi}/conversations/${encodeURIComponent(r.conversationId)}/invoke`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ userId: r.userId, activityId: r.activityId, action: { verb: 'herald.acknowledge', data: { notificationId } }, trigger: 'manual' }),
      });
      if (!response.ok) throw new Error(`acknowledging for ${r.userId}: ${response.status} ${await response.text()}`);
    });
    const acknowledged = await store.followups.acknowledgedAmong(notificationId, acknowledgers.map((r) => r.userId));
    deliver.child.kill('SIGTERM');
    await deliver.exited;

    // The round is due: the card went out an hour ago, reminders after 15 minutes, once.
    const plan: FollowUpPlan = { acknowledgeBy: null, reminders: { everyHours: 0.25, times: 1, to: 'unacknowledged', activityFeed: false }, expiresAt: null, onExpiry: 'update' };
    await sql`update notifications set started_at = ${Date.now() - 3_600_000} where id = ${notificationId}`.execute(store.db);
    await store.followups.setPlan(notificationId, plan, Date.now(), Date.now());
    const before = await inspect.deliveriesByUser();
    const summaryBefore = await inspect.summary();

    let kills = 0;
    let killedAt = Infinity;
    let run = runChild(['remind', notificationId], env);
    const outcome = await Promise.race([run.line().then(() => 'done' as const), new Promise<'kill'>((resolve) => setTimeout(() => resolve('kill'), options.killAfterSeconds * 1000))]);
    if (outcome === 'kill') {
      run.child.kill('SIGKILL');
      killedAt = Date.now();
      await run.exited;
      kills += 1;
      run = runChild(['remind', notificationId], env);
      await run.line();
    }
    await run.exited;

    const after = await inspect.deliveriesByUser();
    const summaryAfter = await inspect.summary();
    const acknowledgedIds = new Set(acknowledged);
    let remindersSent = 0;
    let toAcknowledged = 0;
    let duplicates = 0;
    let missed = 0;
    const claimedRows = await sql<{ user_id: string; state: string; claimed_at: number; done_at: number | null }>`select user_id, state, claimed_at, done_at from followup_rounds where notification_id = ${notificationId} and round = 1`.execute(store.db);
    const interruptedIds = new Set(claimedRows.rows.filter((row) => row.state === 'claimed').map((row) => row.user_id));
    for (const r of recipients) {
      const got = (after.get(r.userId) ?? 0) - (before.get(r.userId) ?? 0);
      remindersSent += got;
      if (got > 0 && acknowledgedIds.has(r.userId)) toAcknowledged += 1;
      if (got > 1) duplicates += 1;
      if (got === 0 && !acknowledgedIds.has(r.userId) && !interruptedIds.has(r.userId)) missed += 1;
    }
    // Each stretch a process ran: from its first claim to its last written outcome (outcomes are written per batch).
    const sentRows = claimedRows.rows.filter((row) => row.state === 'sent' && row.done_at !== null);
    const segments = [sentRows.filter((row) => Number(row.claimed_at) < killedAt), sentRows.filter((row) => Number(row.claimed_at) >= killedAt)]
      .filter((rows) => rows.length > 0)
      .map((rows) => {
        const first = Math.min(...rows.map((row) => Number(row.claimed_at)));
        const last = Math.max(...rows.map((row) => Number(row.done_at)));
        const seconds = (last - first) / 1000;
        return { reminders: rows.length, seconds, perSecond: seconds > 0 ? rows.length / seconds : 0 };
      });
    const steady = segments.filter((segment) => segment.seconds >= 5);
    const perSecond = steady.reduce((sum, s) => sum + s.reminders, 0) / Math.max(1e-9, steady.reduce((sum, s) => sum + s.seconds, 0));
    await store.close();
    return {
      recipients: recipients.length,
      read: readers.length,
      acknowledged: acknowledged.size,
      due: recipients.length - acknowledged.size,
      remindersSent,
      interrupted: interruptedIds.size,
      toAcknowledged,
      duplicates,
      missed,
      kills,
      segments,
      ratio: perSecond / CONNECTOR_BUDGET,
      connector429: (summaryAfter.counters['connector.429'] ?? 0) - (summaryBefore.counters['connector.429'] ?? 0),
      wallSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    await emulator.stop();
  }
}

export function printReminders(result: RemindersResult): void {
  const lines = [
    '## Reminders out',
    '',
    `${result.recipients} recipients, ${result.read} read their chat, ${result.acknowledged} acknowledged through the Teams client; one reminder round to the ${result.due} who had not, Herald killed by SIGKILL ${result.kills} time(s) during it.`,
    '',
    '| figure | value |',
    '|---|---|',
    `| reminders delivered (emulator's record) | ${result.remindersSent} |`,
    `| interrupted by the kill (claimed, outcome unknown, never sent again) | ${result.interrupted} |`,
    `| reminders to people who had acknowledged | ${result.toAcknowledged} |`,
    `| people reminded twice | ${result.duplicates} |`,
    `| unacknowledged people missed (beyond the interrupted) | ${result.missed} |`,
    ...result.segments.map((segment, index) => `| stretch ${index + 1}: reminders/s | ${segment.perSecond.toFixed(2)} (${segment.reminders} in ${segment.seconds.toFixed(1)} s) |`),
    `| reminders/s ÷ Connector budget left (${CONNECTOR_BUDGET}/s) | **${result.ratio.toFixed(3)}** (target ≥ 0.97) |`,
    `| Connector 429s during the round | ${result.connector429} |`,
    `| wall time | ${Math.round(result.wallSeconds)} s |`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function runChild(args: string[], env: Record<string, string>): { child: ChildProcess; line(): Promise<unknown>; exited: Promise<void> } {
  const child = spawn(process.execPath, [...HERALD_NODE_ARGS, CHILD, ...args], { cwd: ROOT, env: { ...process.env, HERALD_LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let buffer = '';
  let errors = '';
  const waiting: Array<(value: unknown) => void> = [];
  const lines: unknown[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let at = buffer.indexOf('\n'); at >= 0; at = buffer.indexOf('\n')) {
      const text = buffer.slice(0, at).trim();
      buffer = buffer.slice(at + 1);
      if (!text.startsWith('{"')) continue;
      const value = JSON.parse(text) as unknown;
      const next = waiting.shift();
      if (next) next(value);
      else lines.push(value);
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => void (errors = (errors + chunk.toString()).slice(-5000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    exited,
    line: () =>
      lines.length > 0
        ? Promise.resolve(lines.shift())
        : new Promise((resolve, reject) => {
            waiting.push(resolve);
            void exited.then(() => reject(new Error(`the Herald process ended before answering:\n${errors}`)));
          }),
  };
}

async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}
