import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStore } from '../../adapters/sql/create-store';
import { allUsers, preinstallKnown } from '../support/tenant';
import { heraldEnv, startBenchEmulator } from '../support/run-broadcast';
import { runHerald } from '../support/herald-process';

const CARD = path.join(__dirname, '..', 'support', 'card.json');
const CHAOS = path.join(__dirname, '..', 'support', 'chaos.json');

export interface CrashResult {
  recipients: number;
  sentOnce: number;
  sentTwice: number;
  sentMoreThanTwice: number;
  failedWithReason: Record<string, number>;
  /** Sent according to Herald but never seen by Teams, or never finished: must be 0. */
  lost: number;
  /** Failed according to Herald but delivered anyway: must be 0. */
  failedButDelivered: number;
  kills: number;
  faultsInjected: Record<string, number>;
  throttled: number;
  wallSeconds: number;
}

/**
 * Benchmark 3: a broadcast of about 5,000 people under injected 5xx, timeouts and 429 bursts (real limits), with
 * the Herald process killed by SIGKILL twice and resumed with `herald run`.
 */
export async function crash(options: { users: number; killAfterSeconds: number[]; env?: Record<string, string> }): Promise<CrashResult> {
  const work = mkdtempSync(path.join(tmpdir(), 'herald-bench-crash-'));
  const databaseUrl = `sqlite:${path.join(work, 'herald.db')}`;
  const { emulator, inspect } = await startBenchEmulator(
    ['--users', String(options.users), '--seed', '13', '--limits', 'real', '--faults', CHAOS],
    path.join(work, 'emulator'),
  );
  const started = Date.now();
  try {
    const users = await allUsers(inspect);
    const known = users.filter((user, index) => index % 2 === 0 && user.userType === 'Member' && user.accountEnabled && user.hasTeamsLicense);
    await preinstallKnown(inspect, databaseUrl, emulator.info.tenantId, emulator.info.botServiceUrl, known.map((user) => user.id));
    const env = heraldEnv(emulator, databaseUrl, options.env);
    let run = runHerald(['send', '--card', CARD, '--to', 'everyone'], env);
    let kills = 0;
    for (const seconds of options.killAfterSeconds) {
      const outcome = await Promise.race([run.done, new Promise<undefined>((resolve) => setTimeout(resolve, seconds * 1000))]);
      if (outcome) break;
      run.child.kill('SIGKILL');
      await run.done;
      kills += 1;
      run = runHerald(['run'], env);
    }
    const last = await run.done;
    if (last.code !== 0 && last.code !== 1) throw new Error(`herald exited with ${last.code ?? last.signal}:\n${last.output}`);
    return await tally(databaseUrl, await inspect.deliveriesByUser(), kills, await inspect.summary(), started);
  } finally {
    await emulator.stop();
  }
}

async function tally(
  databaseUrl: string,
  delivered: Map<string, number>,
  kills: number,
  summary: { counters: Record<string, number>; faultsInjected: Record<string, number> },
  started: number,
): Promise<CrashResult> {
  const store = await createStore({ url: databaseUrl });
  try {
    const result: CrashResult = {
      recipients: 0, sentOnce: 0, sentTwice: 0, sentMoreThanTwice: 0, failedWithReason: {}, lost: 0, failedButDelivered: 0, kills,
      faultsInjected: summary.faultsInjected,
      throttled: (summary.counters['graph.429'] ?? 0) + (summary.counters['connector.429'] ?? 0),
      wallSeconds: (Date.now() - started) / 1000,
    };
    const notifications = [...(await store.notifications.withStatus('completed')), ...(await store.notifications.withStatus('sending'))];
    for (const notification of notifications) {
      for (let after = 0; ; ) {
        const page = await store.recipients.page(notification.id, after, 5000);
        if (page.length === 0) break;
        for (const recipient of page) {
          result.recipients += 1;
          const count = delivered.get(recipient.userId) ?? 0;
          if (recipient.state === 'failed') {
            result.failedWithReason[recipient.reason ?? 'none'] = (result.failedWithReason[recipient.reason ?? 'none'] ?? 0) + 1;
            if (count > 0 && !recipient.reason?.startsWith('user_blocked')) result.failedButDelivered += 1;
          } else if (recipient.state !== 'sent' || count === 0) result.lost += 1;
          else if (count === 1) result.sentOnce += 1;
          else if (count === 2) result.sentTwice += 1;
          else result.sentMoreThanTwice += 1;
        }
        after = page[page.length - 1]!.id;
      }
    }
    return result;
  } finally {
    await store.close();
  }
}
