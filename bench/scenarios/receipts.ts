import { spawn } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStore } from '../../adapters/sql/create-store';
import { HERALD_NODE_ARGS } from '../../config/node-flags';
import { allUsers, preinstallKnown } from '../support/tenant';
import { heraldEnv, runBroadcast, startBenchEmulator } from '../support/run-broadcast';

const ROOT = path.resolve(__dirname, '..', '..');
const CARD = path.join(__dirname, '..', 'support', 'card.json');

export interface ReceiptsResult {
  receipts: number;
  /** Posts to /api/messages in flight at once. */
  concurrency: number;
  wallSeconds: number;
  receiptsPerSecond: number;
  /** Latency of one post, first to last byte, in ms. */
  p50Ms: number;
  p99Ms: number;
  /** Answers other than 200 (each a receipt not processed). */
  refused: number;
  /** People the emulator says read the card whom Herald does not show as seen, and the reverse: both must be 0. */
  lost: number;
  seenButNotRead: number;
  seenInHerald: number;
  readInEmulator: number;
  /** CPU time of the Herald process while receipts came in, per receipt. */
  heraldCpuMsPerReceipt: number;
  setupSeconds: number;
}

interface ReadRecord {
  conversationId: string;
  userId: string;
  lastReadMessageId: string;
}

/**
 * Benchmark "Receipts in" (issue 14): a card delivered to ~50,000 people (limits off, chats known), every one of
 * them reads it in the emulated Teams (the emulator's own record of each read: `GET /_inspect/reads`), and their
 * read receipts are posted to a running Herald's /api/messages with a real channel JWT (`GET
 * /_inspect/channel-token`) as fast as the machine allows. Figures: receipts processed per second, refused, and
 * Herald's seen rows against the emulator's record.
 */
export async function receipts(options: { receipts: number; concurrency: number }): Promise<ReceiptsResult> {
  const started = Date.now();
  const work = mkdtempSync(path.join(tmpdir(), 'herald-bench-receipts-'));
  const databaseUrl = `sqlite:${path.join(work, 'herald.db')}`;
  // Licensed, enabled members are ~96% of the seeded tenant; everyone's receipts are on (tenant policy Everyone).
  const users = Math.ceil(options.receipts / 0.93);
  const { emulator, inspect } = await startBenchEmulator(['--users', String(users), '--seed', '14', '--limits', 'off', '--read-receipts-policy', 'Everyone'], path.join(work, 'emulator'));
  let server: ReturnType<typeof spawn> | undefined;
  try {
    const members = (await allUsers(inspect)).filter((user) => user.userType === 'Member' && user.accountEnabled && user.hasTeamsLicense);
    if (members.length < options.receipts) throw new Error(`the seeded tenant has ${members.length} licensed members, fewer than ${options.receipts}`);
    const ids = members.map((user) => user.id);
    await preinstallKnown(inspect, databaseUrl, emulator.info.tenantId, emulator.info.botServiceUrl, ids);
    const sent = await runBroadcast(emulator, inspect, databaseUrl, ['--card', CARD, '--to', 'everyone'], ids, { HERALD_RATE_LIMITS: 'off' });

    // The readers read with no bot attached: the emulator records each read, the bench posts the receipts itself.
    await inspect.call('PUT', '/bot-endpoint', { url: null });
    const readers = ids.slice(0, options.receipts);
    await inspect.call('POST', '/read-chats', { userIds: readers });
    const reads = await readRecords(inspect);
    const { token } = await inspect.call<{ token: string }>('GET', '/channel-token');

    const port = await freePort();
    // HERALD_BENCH_CPU_PROF=<dir>: a V8 CPU profile of the Herald process, to see where a receipt's time goes.
    const profile = process.env.HERALD_BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.HERALD_BENCH_CPU_PROF] : [];
    server = spawn(process.execPath, [...profile, ...HERALD_NODE_ARGS, path.join(ROOT, 'api', 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...heraldEnv(emulator, databaseUrl, { HERALD_PORT: String(port), HERALD_HOST: '127.0.0.1', HERALD_LOG_LEVEL: 'warn', HERALD_LOG_PRETTY: 'false' }) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitForHealth(`http://127.0.0.1:${port}/healthz`);
    const setupSeconds = (Date.now() - started) / 1000;

    const bodies = reads.map((read) => JSON.stringify(receiptActivity(emulator.info.tenantId, emulator.info.botServiceUrl, emulator.info.botAppId, read)));
    const cpuBefore = cpuMs(server.pid);
    const posted = await postAll(`http://127.0.0.1:${port}/api/messages`, token, bodies, options.concurrency);
    const heraldCpuMs = cpuMs(server.pid) - cpuBefore;
    server.kill('SIGTERM');
    await new Promise((resolve) => server!.once('exit', resolve));
    server = undefined;

    const store = await createStore({ url: databaseUrl });
    const seen = new Set<string>();
    try {
      for (let after = 0; ; ) {
        const page = await store.recipients.page(sent.notificationId, after, 5000);
        if (page.length === 0) break;
        for (const recipient of page) if (recipient.seenAt) seen.add(recipient.userId);
        after = page[page.length - 1]!.id;
      }
    } finally {
      await store.close();
    }
    const read = new Set(reads.map((record) => record.userId));
    const latencies = posted.latencies.sort((a, b) => a - b);
    return {
      receipts: bodies.length,
      concurrency: options.concurrency,
      wallSeconds: posted.wallMs / 1000,
      receiptsPerSecond: bodies.length / (posted.wallMs / 1000),
      p50Ms: latencies[Math.floor(latencies.length * 0.5)] ?? 0,
      p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
      refused: posted.refused,
      lost: [...read].filter((userId) => !seen.has(userId)).length,
      seenButNotRead: [...seen].filter((userId) => !read.has(userId)).length,
      seenInHerald: seen.size,
      readInEmulator: read.size,
      heraldCpuMsPerReceipt: heraldCpuMs / bodies.length,
      setupSeconds,
    };
  } finally {
    server?.kill('SIGKILL');
    await emulator.stop();
  }
}

async function readRecords(inspect: { call<T>(method: string, path: string): Promise<T> }): Promise<ReadRecord[]> {
  const records: ReadRecord[] = [];
  for (let skip = 0; ; skip += 20_000) {
    const page = await inspect.call<{ total: number; reads: ReadRecord[] }>('GET', `/reads?skip=${skip}&top=20000`);
    records.push(...page.reads);
    if (skip + 20_000 >= page.total) return records;
  }
}

/** Microsoft's documented readReceipt event, as the emulated Teams sends it. */
function receiptActivity(tenantId: string, serviceUrl: string, botAppId: string, read: ReadRecord): Record<string, unknown> {
  return {
    name: 'application/vnd.microsoft.readReceipt',
    type: 'event',
    timestamp: new Date().toISOString(),
    id: `f:${read.conversationId.length}${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${read.userId}`, aadObjectId: read.userId },
    conversation: { conversationType: 'personal', tenantId, id: read.conversationId },
    recipient: { id: `28:${botAppId}`, name: 'Herald' },
    channelData: { tenant: { id: tenantId } },
    value: { lastReadMessageId: read.lastReadMessageId },
  };
}

/** Posts every body with `concurrency` requests in flight on kept-alive connections; times each. */
async function postAll(url: string, token: string, bodies: string[], concurrency: number): Promise<{ wallMs: number; refused: number; latencies: number[] }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(url);
  const latencies: number[] = [];
  let refused = 0;
  let next = 0;
  const post = (body: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const request = http.request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } },
        (response) => {
          response.resume();
          response.once('end', () => resolve(response.statusCode ?? 0));
        },
      );
      request.once('error', reject);
      request.end(body);
    });
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const at = performance.now();
      const status = await post(body).catch(() => 0);
      latencies.push(performance.now() - at);
      if (status !== 200) refused += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = performance.now() - started;
  agent.destroy();
  return { wallMs, refused, latencies };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(url).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Herald did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** User + system CPU time of a process so far, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

export function printReceipts(row: ReceiptsResult): void {
  process.stdout.write('## Receipts in (issue 14)\n\n');
  process.stdout.write('| receipts | in flight | wall time | receipts/s | p50 / p99 per post | refused | read (emulator) | seen (Herald) | lost | seen but not read | Herald CPU per receipt |\n');
  process.stdout.write('|---|---|---|---|---|---|---|---|---|---|---|\n');
  process.stdout.write(
    `| ${row.receipts} | ${row.concurrency} | ${row.wallSeconds.toFixed(1)} s | **${Math.round(row.receiptsPerSecond)}** | ${row.p50Ms.toFixed(1)} / ${row.p99Ms.toFixed(1)} ms | ${row.refused} | ` +
      `${row.readInEmulator} | ${row.seenInHerald} | **${row.lost}** | ${row.seenButNotRead} | ${row.heraldCpuMsPerReceipt.toFixed(2)} ms |\n\n`,
  );
  process.stdout.write(`_(setup: ${row.setupSeconds.toFixed(0)} s for the tenant, the broadcast, the reads and Herald's start)_\n\n`);
}
