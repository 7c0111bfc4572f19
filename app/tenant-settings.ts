import type { Env } from '../config/env';
import type { EmulatorInfo } from '../emulator/server';

/** Everything Herald needs to know about the Microsoft 365 tenant it serves, from configuration or the emulator. */
export interface TenantSettings {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  botAppId: string;
  botPassword: string;
  appExternalId: string;
  authorityBaseUrl: string;
  graphBaseUrl: string;
  botServiceUrl: string;
  channelOpenIdMetadataUrl: string;
}

export function settingsFromEmulator(info: EmulatorInfo): TenantSettings {
  return {
    tenantId: info.tenantId,
    clientId: info.graphClientId,
    clientSecret: info.graphClientSecret,
    botAppId: info.botAppId,
    botPassword: info.botAppPassword,
    appExternalId: info.externalId,
    authorityBaseUrl: info.authorityBaseUrl,
    graphBaseUrl: info.graphBaseUrl,
    botServiceUrl: info.botServiceUrl,
    channelOpenIdMetadataUrl: info.channelOpenIdMetadataUrl,
  };
}

/** A real tenant's settings; `loadEnv` has already checked each is present when the emulator is off. */
export function settingsFromEnv(env: Env): TenantSettings {
  return {
    tenantId: env.HERALD_TENANT_ID!,
    clientId: env.HERALD_CLIENT_ID!,
    clientSecret: env.HERALD_CLIENT_SECRET!,
    botAppId: env.HERALD_BOT_ID!,
    botPassword: env.HERALD_BOT_PASSWORD!,
    appExternalId: env.HERALD_APP_EXTERNAL_ID!,
    authorityBaseUrl: env.HERALD_AUTHORITY_URL,
    graphBaseUrl: env.HERALD_GRAPH_URL,
    botServiceUrl: env.HERALD_BOT_SERVICE_URL,
    channelOpenIdMetadataUrl: env.HERALD_CHANNEL_OPENID_METADATA_URL,
  };
}
