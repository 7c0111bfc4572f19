import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/server';
import { createTokenProvider } from '../../adapters/auth/token-provider';
import { GraphHttp } from '../../adapters/graph/graph-http';

/** Starts an emulator on a free port with its own key folder (limits off unless asked). */
export function startTestEmulator(options: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  return startEmulator({
    port: 0,
    users: 120,
    seed: 7,
    limits: 'off',
    stateDir: mkdtempSync(path.join(tmpdir(), 'herald-emulator-')),
    ...options,
  });
}

/** Herald's Graph client, configured for the emulator as the composition root does. */
export function graphHttpFor(emulator: RunningEmulator): GraphHttp {
  const info = emulator.info;
  const token = createTokenProvider(
    { authorityBaseUrl: info.authorityBaseUrl, tenant: info.tenantId, clientId: info.graphClientId, clientSecret: info.graphClientSecret },
    'https://graph.microsoft.com/.default',
  );
  return new GraphHttp(info.graphBaseUrl, token);
}
