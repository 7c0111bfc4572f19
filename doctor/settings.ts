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

/** The emulator's settings first, then HERALD_* from the environment, which win (HERALD_PUBLIC_URL, say). */
export function doctorSettings(environment: Record<string, string | undefined>, emulatorInfoFile?: string): Record<string, string | undefined> {
  const fromEmulator = emulatorInfoFile ? readEmulatorInfo(emulatorInfoFile) : {};
  const fromEnvironment = Object.fromEntries(Object.entries(environment).filter(([key, value]) => key.startsWith('HERALD_') && value));
  return { ...fromEmulator, ...fromEnvironment };
}
