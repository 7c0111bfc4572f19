import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Env } from '../config/env';
import type { Logger } from '../config/logger';
import type { EmulatorInfo, RunningEmulator } from '../emulator/server';
import { HeraldError } from '../core/errors/herald-error';

export interface EmulatorLink {
  info: EmulatorInfo;
  /** Present when this process started the emulator (and so may point it at its own bot). */
  running?: RunningEmulator;
  /** Point the running emulator's Teams at this process's bot (HERALD_EMULATOR=attach). */
  claimBot?: boolean;
}

/**
 * In the local mode Herald talks to the Microsoft 365 emulator: one already running on the configured port (for
 * example the one `npm start` runs, when the command line is used beside it), or one this process starts.
 */
export async function linkEmulator(env: Env, log: Logger, options: { attach: boolean }): Promise<EmulatorLink> {
  const tls = env.HERALD_EMULATOR_TLS === 'on';
  const origin = `${tls ? 'https' : 'http'}://127.0.0.1:${env.HERALD_EMULATOR_PORT}`;
  const stateDir = path.resolve('.herald', 'emulator');
  const required = env.HERALD_EMULATOR === 'attach';
  // An https emulator started from this folder keeps its CA here; this process trusts it as NODE_EXTRA_CA_CERTS would.
  if (tls) await trustEmulatorCa(path.join(stateDir, 'ca.pem'));
  if (options.attach || required) {
    // No emulator answers at once (connection refused); a busy one may take seconds, and waiting costs nothing else.
    const info = await fetch(`${origin}/_inspect/info`, { signal: AbortSignal.timeout(10_000) })
      .then(async (response) => (response.ok ? ((await response.json()) as EmulatorInfo) : undefined))
      .catch(() => undefined);
    if (info) {
      log.info({ origin }, 'using the Microsoft 365 emulator already running');
      return { info, claimBot: required };
    }
    if (required) {
      throw new HeraldError('config_invalid', `HERALD_EMULATOR=attach, but no emulator answers at ${origin}. Start one with \`npm run emulator -- --port ${env.HERALD_EMULATOR_PORT}\`.`);
    }
  }
  // Loaded only here: a process attached to a running emulator (the command line) never pays for its code.
  const { startEmulator } = require('../emulator/server') as typeof import('../emulator/server');
  const running = await startEmulator({
    port: env.HERALD_EMULATOR_PORT,
    users: env.HERALD_EMULATOR_USERS,
    seed: env.HERALD_EMULATOR_SEED,
    limits: env.HERALD_EMULATOR_LIMITS,
    stateDir,
    tls,
  });
  if (running.info.caCertPath) await trustEmulatorCa(running.info.caCertPath);
  log.info({ teamsClientUrl: running.info.teamsClientUrl, users: running.info.users }, 'started the local Microsoft 365 emulator');
  return { info: running.info, running };
}

async function trustEmulatorCa(caCertPath: string): Promise<void> {
  const pem = await readFile(caCertPath, 'utf8').catch(() => undefined);
  if (!pem) return;
  const { trustCaInThisProcess } = require('../emulator/tls') as typeof import('../emulator/tls');
  trustCaInThisProcess(pem);
}

/** Tells an emulator this process did not start where its bot listens. */
export async function claimEmulatorBot(link: EmulatorLink, botEndpoint: string): Promise<void> {
  const response = await fetch(`${link.info.inspectUrl}/bot-endpoint`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ url: botEndpoint }),
  });
  if (!response.ok) throw new HeraldError('internal', `The emulator refused the bot endpoint (${response.status}).`);
}
