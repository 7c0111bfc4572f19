import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../emulator/server';
import { trustCaInThisProcess } from '../../../emulator/tls';

export interface HttpsEmulator {
  emulator: RunningEmulator;
  /** `127.0.0.1:{port}`: what msal's `knownAuthorities` lists. */
  host: string;
  close(): Promise<void>;
}

/**
 * Starts the emulator as `npm run emulator -- --tls` does, on a free port with its own state directory, and makes
 * this test process trust its CA: the in-process equivalent of `NODE_EXTRA_CA_CERTS=<caCertPath>` (which Node reads
 * only at start-up; `msal-node.test.ts` checks that path in a child process).
 */
export async function startHttpsEmulator(options: Partial<EmulatorOptions> = {}): Promise<HttpsEmulator> {
  const stateDir = await mkdtemp(path.join(tmpdir(), 'herald-tls-'));
  const emulator = await startEmulator({ port: 0, users: 60, seed: 7, limits: 'off', stateDir, tls: true, ...options });
  if (!emulator.info.caCertPath) throw new Error('the emulator started without --tls has no CA');
  trustCaInThisProcess(await readFile(emulator.info.caCertPath, 'utf8'));
  return {
    emulator,
    host: new URL(emulator.info.origin).host,
    close: async () => {
      await emulator.close();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}
