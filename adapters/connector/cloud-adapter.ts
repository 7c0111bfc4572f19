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
  // Setting any channel setting makes botbuilder read all of them from here rather than its public-cloud
  // defaults, so the public cloud's values are spelled out, except where the channel's keys are published.
  const configuration: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: credentials.appId,
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppTenantId: credentials.tenantId,
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: `https://login.microsoftonline.com/${credentials.tenantId}`,
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl: credentials.channelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    CallerId: 'urn:botframework:azure',
  };
  const authentication = new ConfigurationBotFrameworkAuthentication(
    configuration,
    new MsalServiceClientCredentialsFactory(credentials.appId, msal),
  );
  return new CloudAdapter(authentication);
}
