import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { HERALD_NODE_ARGS } from '../../../config/node-flags';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface WorkerProcess {
  child: ChildProcess;
  /** /healthz, /readyz, /metrics. */
  url: string;
  /** Last lines of its output, for failure messages. */
  output(): string;
  exited: Promise<number | null>;
}

/** Starts `node <HERALD_NODE_ARGS> api/worker.ts` (what `npm run worker` runs) and waits until it serves. */
export async function startWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [...HERALD_NODE_ARGS, path.join(ROOT, 'api', 'worker.ts')], {
    cwd: ROOT,
    env: { ...process.env, HERALD_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: string): void => {
    output = (output + chunk).slice(-20_000);
  };
  child.stderr!.on('data', (chunk: Buffer) => keep(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the worker did not start:\n${output}`)), 60_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      keep(`${line}\n`);
      const match = /Herald worker ready at (\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the worker exited with ${code}:\n${output}`));
    });
  });
  return { child, url, output: () => output, exited };
}

/** SIGTERM and wait: a graceful stop. */
export async function stopWorker(worker: WorkerProcess): Promise<number | null> {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGTERM');
  return worker.exited;
}
