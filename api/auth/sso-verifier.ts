import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import { HeraldError } from '../../core/errors/herald-error';

/** The signed-in person, as the verified SSO token names them. */
export interface SignedInUser {
  /** Entra object id (`oid`). */
  id: string;
  tenantId: string;
  upn: string;
  displayName: string;
}

export interface SsoVerifierOptions {
  /** `https://login.microsoftonline.com`, or the emulator's stand-in. */
  authorityBaseUrl: string;
  /**
   * The manifest's `webApplicationInfo.resource` (`api://{domain}/{clientId}`) and the bare client id (v2 tokens
   * carry the client id, v1 tokens the resource). A function when the domain is known only once the server listens.
   */
  audiences: string[] | (() => string[]);
  /** Tenants whose users Herald serves. */
  allowedTenants: string[];
}

export type SsoVerifier = (token: string) => Promise<SignedInUser>;

/**
 * Verifies the Entra SSO token the tab sends (`authentication.getAuthToken()`): RS256 signature from the
 * authority's JWKS for the token's tenant (cached and refreshed by jose on an unknown `kid`), issuer, audience,
 * tenant on the allow-list, expiry, and a delegated token (`scp`; app-only tokens are refused). Every refusal is an
 * `unauthenticated` HeraldError saying what is wrong.
 * Entra issues v2 tokens with issuer `{authority}/{tid}/v2.0` and v1 tokens (an app registration whose
 * `accessTokenAcceptedVersion` is unset) with `https://sts.windows.net/{tid}/`; both are accepted.
 */
export function createSsoVerifier(options: SsoVerifierOptions): SsoVerifier {
  const authority = options.authorityBaseUrl.replace(/\/+$/, '');
  const allowed = new Set(options.allowedTenants.map((tenant) => tenant.toLowerCase()));
  const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  const keysOf = (tenantId: string) => {
    let keys = keySets.get(tenantId);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(`${authority}/${tenantId}/discovery/v2.0/keys`), { cooldownDuration: 30_000, cacheMaxAge: 24 * 3600_000 });
      keySets.set(tenantId, keys);
    }
    return keys;
  };

  return async (token) => {
    const tenantId = unverifiedTenant(token);
    if (!allowed.has(tenantId.toLowerCase())) throw refused(`Herald does not serve the tenant ${tenantId}. Ask your administrator to add it to HERALD_ALLOWED_TENANTS.`);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keysOf(tenantId), {
        algorithms: ['RS256'],
        issuer: [`${authority}/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`],
        audience: typeof options.audiences === 'function' ? options.audiences() : options.audiences,
        requiredClaims: ['exp', 'oid', 'tid'],
        clockTolerance: 60,
      }));
    } catch (error) {
      throw refused(explain(error), error);
    }
    if (!delegated(payload)) throw refused(APP_ONLY);
    return userOf(payload);
  };
}

const APP_ONLY =
  "Herald's tab API accepts a signed-in person's token only (a delegated token, with an scp claim); this token was issued to an application acting as itself.";

/**
 * A delegated token (a person signed in through an app) carries the granted scopes in `scp`; an app-only token
 * (client credentials) carries `roles` and no `scp`, and names the application in `oid`, not a person.
 */
function delegated(payload: JWTPayload): boolean {
  return typeof payload.scp === 'string' && payload.scp.trim() !== '';
}

function unverifiedTenant(token: string): string {
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch (error) {
    throw refused('The token is not a JWT.', error);
  }
  if (typeof claims.tid !== 'string' || claims.tid === '') throw refused('The token names no tenant (tid).');
  return claims.tid;
}

function userOf(payload: JWTPayload): SignedInUser {
  const text = (name: string): string => (typeof payload[name] === 'string' ? (payload[name] as string) : '');
  const upn = text('preferred_username') || text('upn') || text('unique_name');
  return { id: text('oid'), tenantId: text('tid'), upn, displayName: text('name') || upn };
}

function explain(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired; sign in again.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return "The token was issued for another application (its audience is not Herald's).";
    if (error.claim === 'iss') return 'The token was issued by an unexpected authority.';
    if (error.claim === 'nbf') return 'The token is not valid yet.';
    return `The token's ${error.claim} claim is not acceptable (${error.reason}).`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return "The token's signature does not match the authority's keys.";
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is not signed with RS256.';
  if (error instanceof errors.JOSEError) return `The token is not valid (${error.code}).`;
  return 'The token could not be verified: the sign-in authority did not answer.';
}

function refused(message: string, cause?: unknown): HeraldError {
  return new HeraldError('unauthenticated', message, { cause });
}
