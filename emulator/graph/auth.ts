import type { EmulatorContext } from '../context';
import { GraphError } from './errors';
import type { GraphRoute } from './types';

/** Graph's own resource id and its two URI spellings: any of them is a valid `aud`. */
const GRAPH_AUDIENCES = new Set(['https://graph.microsoft.com', 'https://graph.microsoft.com/', '00000003-0000-0000-c000-000000000000']);

const WWW_AUTHENTICATE = 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

function unauthenticated(message: string): GraphError {
  return new GraphError(401, 'InvalidAuthenticationToken', message, { 'WWW-Authenticate': WWW_AUTHENTICATE });
}

/** Verifies `Authorization: Bearer <jwt>` as Graph does and returns the token's claims; throws the 401 otherwise. */
export async function authenticate(ctx: EmulatorContext, authorization: string | undefined): Promise<Record<string, unknown>> {
  const token = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '')?.[1]?.trim();
  if (!token) throw unauthenticated('Access token is empty.');
  // Graph's message for a value that is not a JWT at all.
  if (token.split('.').length !== 3) throw unauthenticated('CompactToken parsing failed with error code: 80049217');
  let claims: Record<string, unknown>;
  try {
    claims = await ctx.signing.verify(token);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw unauthenticated(code === 'ERR_JWT_EXPIRED' ? 'Lifetime validation failed, the token is expired.' : 'Access token validation failure.');
  }
  if (!GRAPH_AUDIENCES.has(String(claims.aud))) throw unauthenticated('Access token validation failure. Invalid audience.');
  if (claims.tid !== ctx.state.tenantId) throw unauthenticated('Access token validation failure.');
  return claims;
}

export function rolesOf(claims: Record<string, unknown>): string[] {
  return Array.isArray(claims.roles) ? claims.roles.filter((role): role is string => typeof role === 'string') : [];
}

/** Throws the 403 Graph gives when the token carries none of the operation's permissions. */
export function authorize(route: GraphRoute, claims: Record<string, unknown>): void {
  const roles = rolesOf(claims);
  if (route.roles.some((role) => roles.includes(role))) return;
  if (route.denial === 'directory') throw new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  throw new GraphError(
    403,
    'Forbidden',
    `Missing role permissions on the request. API requires one of '${route.roles.join(', ')}'. Roles on the request '${roles.join(', ')}'. Resource specific consent grants on the request ''.`,
  );
}
