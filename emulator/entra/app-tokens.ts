import type { EmulatorContext } from '../context';
import type { EmulatedClientApp } from '../tenant/model';
import { stableGuid, tokenUniqueId, type ResolvedTenant } from './tenants';

/** Resources an app-only token can be issued for. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const BOTFRAMEWORK_RESOURCE = 'https://api.botframework.com';

/** Entra answers 3599 on the v2 endpoint (the docs' examples round it to 3600). */
export const TOKEN_LIFETIME_SECONDS = 3599;

/** The documented token response of the v2 token endpoint for client credentials. */
export interface TokenResponse {
  token_type: 'Bearer';
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
}

/**
 * Issues a v1.0 app-only access token, as Entra does for both Graph and the Bot Framework API (their
 * resources accept v1 tokens, so the issuer is `sts.windows.net`, even from the v2 endpoint).
 */
export async function issueAppToken(
  ctx: EmulatorContext,
  client: EmulatedClientApp,
  resource: string,
  tenant: ResolvedTenant,
): Promise<TokenResponse> {
  const now = Math.floor(Date.now() / 1000);
  const issuer = `https://sts.windows.net/${tenant.tenantId}/`;
  const servicePrincipalId = stableGuid('service-principal', tenant.tenantId, client.clientId);
  const claims: Record<string, unknown> = {
    aud: resource,
    iss: issuer,
    iat: now,
    nbf: now,
    exp: now + TOKEN_LIFETIME_SECONDS,
    app_displayname: client.displayName,
    appid: client.clientId,
    appidacr: '1',
    azp: client.clientId,
    idp: issuer,
    idtyp: 'app',
    oid: servicePrincipalId,
    sub: servicePrincipalId,
    tid: tenant.tenantId,
    uti: tokenUniqueId(),
    ver: '1.0',
  };
  // Graph tokens carry the admin-consented application permissions; the Bot Framework token carries none.
  if (resource === GRAPH_RESOURCE && client.graphRoles.length > 0) claims.roles = [...client.graphRoles];
  const accessToken = await ctx.signing.sign(claims);
  return { token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, ext_expires_in: TOKEN_LIFETIME_SECONDS, access_token: accessToken };
}
