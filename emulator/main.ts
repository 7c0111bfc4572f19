import { parseArgs } from 'node:util';
import { startEmulator } from './server';
import { readAppManifest } from './tenant/app-manifest';
import { DEFAULT_GRAPH_ROLES } from './tenant/seed';

/** `npm run emulator -- --port P --users N --seed S [--limits real|off] [--faults FILE] [--bot-endpoint URL] [--tab-url URL [--tab-resource api://…]] [--tls] [--bot-graph-roles default|R1,R2…] [--app-manifest FILE] [--read-receipts-policy UserPreference|Everyone|None]` */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4100' },
      host: { type: 'string', default: '127.0.0.1' },
      users: { type: 'string', default: '500' },
      seed: { type: 'string', default: '7' },
      limits: { type: 'string', default: 'real' },
      faults: { type: 'string' },
      'bot-endpoint': { type: 'string' },
      'state-dir': { type: 'string' },
      'app-external-id': { type: 'string' },
      'tab-url': { type: 'string' },
      'tab-resource': { type: 'string' },
      tls: { type: 'boolean', default: false },
      'bot-graph-roles': { type: 'string' },
      'app-manifest': { type: 'string' },
      'read-receipts-policy': { type: 'string', default: 'UserPreference' },
      verbose: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = integer(values.port, 'port', 0, 65535);
  const users = integer(values.users, 'users', 1, 1_000_000);
  const seed = integer(values.seed, 'seed', 0, 2 ** 31);
  if (values.limits !== 'real' && values.limits !== 'off') fail(`--limits must be "real" or "off", not "${values.limits}"`);
  const policy = values['read-receipts-policy'];
  if (policy !== 'UserPreference' && policy !== 'Everyone' && policy !== 'None') fail(`--read-receipts-policy must be UserPreference, Everyone or None, not "${policy}"`);
  const manifest = values['app-manifest'] ? await readAppManifest(values['app-manifest']) : undefined;
  const emulator = await startEmulator({
    port,
    host: values.host,
    users,
    seed,
    limits: values.limits as 'real' | 'off',
    faultsFile: values.faults,
    botEndpoint: values['bot-endpoint'],
    stateDir: values['state-dir'],
    tls: values.tls,
    botGraphRoles: graphRoles(values['bot-graph-roles']),
    appExternalId: values['app-external-id'] ?? manifest?.externalId,
    app: manifest?.declarations,
    readReceiptsPolicy: policy,
    tab: values['tab-url'] ? { url: values['tab-url'], resource: values['tab-resource'] } : undefined,
    log: values.verbose ? (message, fields) => process.stderr.write(`${JSON.stringify({ message, ...fields })}\n`) : undefined,
  });
  process.stdout.write(`${JSON.stringify(emulator.info)}\n`);
  process.stderr.write(`Microsoft 365 emulator ready: Teams client ${emulator.info.teamsClientUrl}\n`);
  const stop = (): void => void emulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** `default` grants the bot's registration what the Graph client app is granted by default; otherwise a comma list. */
function graphRoles(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'default') return [...DEFAULT_GRAPH_ROLES];
  const roles = raw.split(',').map((role) => role.trim()).filter(Boolean);
  if (roles.some((role) => !/^[A-Za-z]+(\.[A-Za-z]+)+$/.test(role))) fail(`--bot-graph-roles must be "default" or a comma list of permissions such as User.Read.All, not "${raw}"`);
  return roles;
}

function integer(raw: string | undefined, name: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) fail(`--${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  return value;
}

function fail(message: string): never {
  process.stderr.write(`emulator: ${message}\n`);
  process.exit(2);
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
