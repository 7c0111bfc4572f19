import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { MsalServiceClientCredentialsFactory } from 'botframework-connector';
import { createConfidentialClient } from '../auth/token-provider';

export interface BotCredentials {
  appId: string;
  password: string;
  /** The bot's home tenant for a single-tenant bot. */
  tenantId: string;
  authorityBaseUrl: string;
  /** Where the channel's signing keys are published (Microsoft's, or the emulator's). */
  channelOpenIdMetadataUrl: string;
}

/**
 * The one botbuilder `CloudAdapter` Herald uses, for the bot's inbound activities and for proactive sends.
 * Outbound tokens come from an msal client we build, because configuration alone would always call Microsoft's
 * cloud; inbound validation needs only the channel's OpenID metadata URL.
 */
export function createCloudAdapter(credentials: BotCredentials): CloudAdapter {
  const msal = createConfidentialClient({
    authorityBaseUrl: credentials.authorityBaseUrl,
    tenant: credentials.tenantId,
    clientId: credentials.appId,
    clientSecret: credentials.password,
  });
  const configuration: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: credentials.appId,
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppTenantId: credentials.tenantId,
    ToBotFromChannelOpenIdMetadataUrl: credentials.channelOpenIdMetadataUrl,
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  };
  const authentication = new ConfigurationBotFrameworkAuthentication(
    configuration,
    new MsalServiceClientCredentialsFactory(credentials.appId, msal),
  );
  return new CloudAdapter(authentication);
}
