import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/** The fields of the emulator's first output line (EmulatorInfo) that stand in for a tenant's settings. */
const emulatorInfo = z.object({
  tenantId: z.string(),
  authorityBaseUrl: z.string().url(),
  graphBaseUrl: z.string().url(),
  botServiceUrl: z.string().url(),
  channelOpenIdMetadataUrl: z.string().url(),
  graphClientId: z.string(),
  graphClientSecret: z.string(),
  botAppId: z.string(),
  botAppPassword: z.string(),
  externalId: z.string(),
});

/** The HERALD_* settings that point Herald (and doctor) at a running emulator as if it were a tenant. */
export function settingsFromEmulatorInfo(info: unknown): Record<string, string> {
  const parsed = emulatorInfo.parse(info);
  return {
    HERALD_EMULATOR: 'off',
    HERALD_TENANT_ID: parsed.tenantId,
    HERALD_AUTHORITY_URL: parsed.authorityBaseUrl,
    HERALD_GRAPH_URL: parsed.graphBaseUrl,
    HERALD_BOT_SERVICE_URL: parsed.botServiceUrl,
    HERALD_CHANNEL_OPENID_METADATA_URL: parsed.channelOpenIdMetadataUrl,
    HERALD_CLIENT_ID: parsed.graphClientId,
    HERALD_CLIENT_SECRET: parsed.graphClientSecret,
    HERALD_BOT_ID: parsed.botAppId,
    HERALD_BOT_PASSWORD: parsed.botAppPassword,
    HERALD_APP_EXTERNAL_ID: parsed.externalId,
  };
}

/** Reads the emulator's info from a file holding its first output line (JSON). */
export function readEmulatorInfo(file: string): Record<string, string> {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  const firstLine = readFileSync(file, 'utf8').split('\n').find((line) => line.trim().startsWith('{'));
  if (!firstLine) throw new Error(`${file} holds no JSON line (expected the first line \`npm run emulator\` prints)`);
  try {
    return settingsFromEmulatorInfo(JSON.parse(firstLine));
  } catch (error) {
    throw new Error(`${file} is not the emulator's info line: ${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * In the local mode (no tenant settings), the emulator `npm start` runs answers its info at `/_inspect/info` on
 * HERALD_EMULATOR_PORT: doctor then checks that emulator, and the bot at Herald's own local address.
 */
export async function runningEmulatorSettings(environment: Record<string, string | undefined>): Promise<Record<string, string> | undefined> {
  if (environment.HERALD_EMULATOR === 'off' || (!environment.HERALD_EMULATOR && environment.HERALD_TENANT_ID)) return undefined;
  const port = environment.HERALD_EMULATOR_PORT || '4100';
  const info = await fetch(`http://127.0.0.1:${port}/_inspect/info`, { signal: AbortSignal.timeout(2000) })
    .then(async (response) => (response.ok ? ((await response.json()) as unknown) : undefined))
    .catch(() => undefined);
  if (!info) return undefined;
  const host = !environment.HERALD_HOST || environment.HERALD_HOST === '0.0.0.0' ? '127.0.0.1' : environment.HERALD_HOST;
  return { ...settingsFromEmulatorInfo(info), HERALD_PUBLIC_URL: `http://${host}:${environment.HERALD_PORT || '3978'}` };
}

/** The emulator's settings first, then HERALD_* from the environment, which win (HERALD_PUBLIC_URL, say). */
export async function doctorSettings(environment: Record<string, string | undefined>, emulatorInfoFile?: string): Promise<Record<string, string | undefined>> {
  const fromEnvironment = Object.fromEntries(Object.entries(environment).filter(([key, value]) => key.startsWith('HERALD_') && value));
  if (emulatorInfoFile) return { ...readEmulatorInfo(emulatorInfoFile), ...fromEnvironment };
  const running = await runningEmulatorSettings(fromEnvironment);
  // The running emulator's settings replace the local mode's, except where the environment names a value on purpose.
  return running ? { ...fromEnvironment, ...running, ...pick(fromEnvironment, ['HERALD_PUBLIC_URL']) } : fromEnvironment;
}

function pick(source: Record<string, string | undefined>, keys: string[]): Record<string, string | undefined> {
  return Object.fromEntries(keys.filter((key) => source[key]).map((key) => [key, source[key]]));
}
