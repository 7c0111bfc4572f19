import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';

export interface ClientCredentials {
  /** `https://login.microsoftonline.com` or the emulator's authority base URL. */
  authorityBaseUrl: string;
  /** A tenant id, or `botframework.com` for multi-tenant bots. */
  tenant: string;
  clientId: string;
  clientSecret: string;
}

/** Returns a bearer token for a scope; msal caches it and renews it before it expires. */
export type TokenProvider = () => Promise<string>;

/**
 * Builds the msal client for a client-credentials app. msal refuses plain-http authorities unless it is given the
 * authority's metadata up front, and validates any other host through Microsoft's instance discovery, so for a local
 * (emulated, plain-http or https on this machine) authority we pass that metadata instead of letting msal discover
 * it; against Microsoft, configuration is the usual one.
 */
export function createConfidentialClient(credentials: ClientCredentials): ConfidentialClientApplication {
  const endpoint = `${credentials.authorityBaseUrl.replace(/\/$/, '')}/${credentials.tenant}`;
  const { protocol, hostname } = new URL(endpoint);
  const local = protocol === 'http:' || ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
  // msal accepts only https authorities, but with the metadata given it never fetches the authority itself: it
  // posts straight to the metadata's (plain-http, local) token endpoint.
  const authority = local ? endpoint.replace(/^http:/, 'https:') : endpoint;
  const host = new URL(authority).host;
  const configuration: Configuration = {
    auth: {
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      authority,
      ...(local
        ? {
            knownAuthorities: [host],
            authorityMetadata: JSON.stringify({
              token_endpoint: `${endpoint}/oauth2/v2.0/token`,
              authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
              end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
              issuer: `${authority}/v2.0`,
              jwks_uri: `${authority}/discovery/v2.0/keys`,
            }),
            cloudDiscoveryMetadata: JSON.stringify({
              tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
              'api-version': '1.1',
              metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
            }),
          }
        : {}),
    },
  };
  return new ConfidentialClientApplication(configuration);
}

export function createTokenProvider(credentials: ClientCredentials, scope: string): TokenProvider {
  const client = createConfidentialClient(credentials);
  return async () => {
    const result = await client.acquireTokenByClientCredential({ scopes: [scope] });
    if (!result?.accessToken) throw new Error(`no token was issued for ${scope}`);
    return result.accessToken;
  };
}
