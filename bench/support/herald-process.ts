import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HERALD_NODE_ARGS } from '../../config/node-flags';

const ROOT = path.resolve(__dirname, '..', '..');

export interface HeraldRun {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed) and the peak resident memory seen, in MB. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; peakRssMb: number; output: string }>;
}

/**
 * Runs Herald's command line in its own process as `npm run herald` does (`node <HERALD_NODE_ARGS>`,
 * one process, so its memory is measurable), attached to a running emulator and a database file.
 */
export function runHerald(args: string[], env: Record<string, string>): HeraldRun {
  const child = spawn(process.execPath, [...HERALD_NODE_ARGS, path.join(ROOT, 'cli', 'main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, HERALD_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  let peakKb = 0;
  const sampler = setInterval(() => {
    peakKb = Math.max(peakKb, peakResidentKb(child.pid));
  }, 200);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; peakRssMb: number; output: string }>((resolve) => {
    child.once('exit', (code, signal) => {
      clearInterval(sampler);
      resolve({ code, signal, peakRssMb: Math.round(peakKb / 1024), output });
    });
  });
  return { child, done };
}

/** VmHWM: the process's peak resident set so far (Linux). */
function peakResidentKb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}
