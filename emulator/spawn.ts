import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { EmulatorInfo } from './server';

export interface SpawnedEmulator {
  info: EmulatorInfo;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the emulator as its own process (as `npm run emulator` does) and waits for its first line. Benchmarks use
 * this so the emulator and Herald each get their own core, and crash tests so Herald can be killed on its own.
 */
export async function spawnEmulator(args: string[], options: { timeoutMs?: number } = {}): Promise<SpawnedEmulator> {
  // `--require tsx/cjs` keeps it one process (the tsx command line would add a parent relaying signals) and one
  // thread (`--import tsx` would add Node 20's module-hooks thread).
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(__dirname, 'main.ts'), ...args], { cwd: path.resolve(__dirname, '..'), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const lines = createInterface({ input: child.stdout! });
  const info = await new Promise<EmulatorInfo>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the emulator did not start in time:\n${stderr}`)), options.timeoutMs ?? 60_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line) as EmulatorInfo);
      } catch {
        reject(new Error(`the emulator's first line is not JSON: ${line}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the emulator exited with ${code}:\n${stderr}`));
    });
  });
  return {
    info,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
