import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationError, MsalServiceClientCredentialsFactory, type AuthenticateRequestResult } from 'botframework-connector';
import { createRemoteJWKSet, jwtVerify } from 'jose';
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
  return new ChannelCheckedAdapter(authentication, credentials);
}

/**
 * botbuilder answers 500 when a token names the channel's key but its signature does not verify (the JWT library's
 * error is not an `AuthenticationError`). Any failure to authenticate the caller is a 401 here, as for a missing
 * or unknown token; failures of the bot's own logic keep their 500.
 */
class ChannelCheckedAdapter extends CloudAdapter {
  private channelKeys?: Promise<ReturnType<typeof createRemoteJWKSet>>;

  constructor(
    authentication: ConfigurationBotFrameworkAuthentication,
    private readonly credentials: BotCredentials,
  ) {
    super(authentication);
  }

  /**
   * Authenticates a call's Authorization header before its body is read: an RS256 token signed with one of the
   * channel's keys (from its OpenID metadata, cached), issued by the Bot Framework, for this bot, not expired.
   * It throws botbuilder's AuthenticationError. `process` then runs botbuilder's full validation on the activity
   * (endorsements, the activity's serviceUrl against the token's), so this check only has to be sound, and it
   * keeps forged calls away from botbuilder, which prints each failure with its stack trace.
   */
  async authenticateCaller(authorization: string): Promise<void> {
    const token = /^Bearer (\S+)$/.exec(authorization)?.[1];
    if (!token) throw new AuthenticationError('Unauthorized: the Authorization header is not a bearer token', 401);
    try {
      await jwtVerify(token, await this.keys(), { algorithms: ['RS256'], issuer: CHANNEL_ISSUER, audience: this.credentials.appId, clockTolerance: 300 });
    } catch (error) {
      throw new AuthenticationError(`Unauthorized: ${(error as Error).message}`, 401);
    }
  }

  private keys(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    this.channelKeys ??= channelKeySet(this.credentials.channelOpenIdMetadataUrl).catch((error: unknown) => {
      this.channelKeys = undefined;
      throw error;
    });
    return this.channelKeys;
  }

  protected override async processActivity(
    authorization: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    if (typeof authorization !== 'string') return super.processActivity(authorization, activity, logic);
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(`Unauthorized: ${(error as Error).message}`, 401);
    }
    return super.processActivity(authenticated, activity, logic);
  }
}

/** The issuer of the Bot Framework channel's tokens (botbuilder's ToBotFromChannelTokenIssuer). */
const CHANNEL_ISSUER = 'https://api.botframework.com';

/** The channel's signing keys, from the `jwks_uri` of its OpenID metadata. */
async function channelKeySet(metadataUrl: string): Promise<ReturnType<typeof createRemoteJWKSet>> {
  const response = await fetch(metadataUrl, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`the channel's OpenID metadata answered ${response.status}`);
  const metadata = (await response.json()) as { jwks_uri?: unknown };
  if (typeof metadata.jwks_uri !== 'string') throw new Error("the channel's OpenID metadata names no jwks_uri");
  return createRemoteJWKSet(new URL(metadata.jwks_uri), { cooldownDuration: 30_000, cacheMaxAge: 24 * 3600_000 });
}
