import type { EmulatorContext } from '../context';
import type { ResolvedTenant } from './tenants';

/**
 * The v2.0 OpenID Provider metadata of a tenant, shaped after
 * `https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration`, with every endpoint on
 * the emulator. msal-node takes it verbatim as `authorityMetadata`.
 */
export function openIdConfiguration(ctx: EmulatorContext, tenant: ResolvedTenant): Record<string, unknown> {
  // Entra resolves every endpoint to the tenant id, whatever alias (domain, `botframework.com`) was asked for.
  const base = `${ctx.urls.authorityBaseUrl}/${tenant.tenantId}`;
  // The emulator serves no interactive sign-in. These URLs keep the tenant as their first path segment, as on
  // Microsoft's host, because msal reads the tenant from there and rewrites the other endpoints with it.
  const interactive = `${ctx.urls.origin}/${tenant.tenantId}/oauth2/v2.0`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${ctx.urls.authorityBaseUrl}/${tenant.tenantId}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${ctx.urls.origin}/graph/oidc/userinfo`,
    authorization_endpoint: `${interactive}/authorize`,
    device_authorization_endpoint: `${interactive}/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${interactive}/logout`,
    claims_supported: [
      'sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud',
      'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email',
    ],
    kerberos_endpoint: `${ctx.urls.origin}/${tenant.tenantId}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

/** The JSON Web Key Set: the one persisted key (Entra publishes several; one is enough to validate). */
export function keySet(ctx: EmulatorContext): { keys: Array<Record<string, unknown>> } {
  return { keys: [{ ...ctx.signing.publicJwk }] };
}

/**
 * `GET /common/discovery/instance`: msal's cloud discovery. The emulator's host is its own cloud; the public
 * cloud's aliases follow, as Entra lists them, for clients that keep `login.microsoftonline.com` as authority.
 */
export function instanceDiscovery(ctx: EmulatorContext, authorizationEndpoint: string | undefined): Record<string, unknown> {
  const host = new URL(ctx.urls.origin).host;
  const tenant = tenantFromAuthorizationEndpoint(authorizationEndpoint) ?? 'common';
  return {
    tenant_discovery_endpoint: `${ctx.urls.authorityBaseUrl}/${tenant}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [
      { preferred_network: host, preferred_cache: host, aliases: [host] },
      {
        preferred_network: 'login.microsoftonline.com',
        preferred_cache: 'login.windows.net',
        aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
      },
    ],
  };
}

function tenantFromAuthorizationEndpoint(endpoint: string | undefined): string | undefined {
  if (!endpoint) return undefined;
  try {
    const segments = new URL(endpoint).pathname.split('/').filter(Boolean);
    // `…/login/{tenant}/oauth2/v2.0/authorize` on the emulator, `/{tenant}/oauth2/…` on Microsoft's host.
    const index = segments.indexOf('oauth2');
    return index > 0 ? segments[index - 1] : undefined;
  } catch {
    return undefined;
  }
}
