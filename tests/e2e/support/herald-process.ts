import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HERALD_NODE_ARGS } from '../../../config/node-flags';

const REPO_ROOT = path.resolve(__dirname, '../../..');

export interface HeraldProcess {
  /** Herald's web server (tab, API, bot). */
  url: string;
  /** The admin tab as Teams frames it. */
  tabUrl: string;
  /** The emulator's Teams web client. */
  teamsClientUrl: string;
  /** Everything the process printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

export interface HeraldProcessOptions {
  /** Extra settings (HERALD_ADMINS, HERALD_EMULATOR_USERS, …). */
  env: Record<string, string>;
  /** How long to wait for the printed URLs. */
  startTimeoutMs?: number;
}

/**
 * Starts Herald exactly as `npm start` does (`node <HERALD_NODE_ARGS> api/main.ts`), on free ports and a fresh SQLite
 * file, and waits for the URLs it prints.
 */
export async function startHeraldProcess(options: HeraldProcessOptions): Promise<HeraldProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'herald-e2e-'));
  const [port, emulatorPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [...HERALD_NODE_ARGS, 'api/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      HERALD_PORT: String(port),
      HERALD_EMULATOR_PORT: String(emulatorPort),
      HERALD_DATABASE_URL: `sqlite:${path.join(dataDir, 'herald.db')}`,
      HERALD_LOG_PRETTY: 'false',
      HERALD_LOG_LEVEL: process.env.HERALD_E2E_LOG ?? 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const stop = () => stopChild(child).finally(() => rmSync(dataDir, { recursive: true, force: true }));

  try {
    await waitFor(() => /Teams client:\s+\S+/.test(output), child, options.startTimeoutMs ?? 60_000, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  const url = match(output, /Herald is running at (\S+)/);
  const printedTab = /^\s*(?:admin )?tab:\s+(\S+)/im.exec(output)?.[1];
  return {
    url,
    tabUrl: printedTab ?? `${url}/tab/`,
    teamsClientUrl: match(output, /Teams client:\s+(\S+)/),
    output: () => output,
    stop,
  };
}

function match(text: string, pattern: RegExp): string {
  const found = pattern.exec(text)?.[1];
  if (!found) throw new Error(`Herald did not print ${pattern}; it printed:\n${text}`);
  return found;
}

async function waitFor(done: () => boolean, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (child.exitCode !== null) throw new Error(`Herald exited with ${child.exitCode} before it was ready:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`Herald was not ready after ${timeoutMs} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** SIGTERM (Herald finishes in-flight sends and exits), then SIGKILL if it hangs. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
