import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../context';
import { TOKEN_LIFETIME_SECONDS } from './app-tokens';
import { failures, sendEntraError, type EntraFailure } from './errors';
import { resolveTenant, stableGuid, tokenUniqueId } from './tenants';

/** Microsoft Teams' own client app id: `azp` of every token `getAuthToken()` hands to a tab. */
export const TEAMS_CLIENT_ID = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
export const SSO_SCOPE = 'access_as_user';

/** A refused SSO request, carrying Entra's error for callers that answer over HTTP. */
export class SsoError extends Error {
  constructor(readonly failure: EntraFailure) {
    super(`AADSTS${failure.code}: ${failure.description}`);
    this.name = 'SsoError';
  }
}

/**
 * Issues the delegated v2 token Teams gives a tab for the signed-in user (`authentication.getAuthToken()`):
 * audience the app's `api://…/{clientId}` resource, scope `access_as_user`, authorized party the Teams client.
 * Throws {@link SsoError} for an unknown or disabled user or a resource no registered app exposes.
 */
export async function issueSsoToken(ctx: EmulatorContext, userId: string, resource: string): Promise<string> {
  const tenantId = ctx.state.tenantId;
  const user = ctx.state.findUser(userId);
  if (!user) throw new SsoError(failures.unknownUser(tenantId));
  if (!user.accountEnabled) throw new SsoError(failures.disabledUser());
  if (!exposedBy(ctx, resource)) throw new SsoError(failures.unknownResource(resource, tenantId));
  const now = Math.floor(Date.now() / 1000);
  return ctx.signing.sign({
    aud: resource,
    iss: `${ctx.urls.authorityBaseUrl}/${tenantId}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + TOKEN_LIFETIME_SECONDS,
    azp: TEAMS_CLIENT_ID,
    azpacr: '0',
    name: user.displayName,
    oid: user.id,
    preferred_username: user.userPrincipalName,
    scp: SSO_SCOPE,
    // `sub` is pairwise in Entra: stable per user and app, unlike `oid`.
    sub: stableGuid('sub', user.id, resource),
    tid: tenantId,
    uti: tokenUniqueId(),
    ver: '2.0',
  });
}

/** Only the emulated tenant's app registrations expose an API, as `api://{host}/{clientId}` or `api://{clientId}`. */
function exposedBy(ctx: EmulatorContext, resource: string): boolean {
  if (!resource.startsWith('api://')) return false;
  const clientId = resource.split('/').pop() ?? '';
  const { graphClient, botClient } = ctx.state.directory;
  return [graphClient.clientId, botClient.clientId].includes(clientId.toLowerCase());
}

const ssoRequest = z.object({
  userId: z.string().min(1).optional(),
  upn: z.string().min(1).optional(),
  resource: z.string().min(1),
});

/** `POST /{tenant}/_emulator/sso-token`: the emulator-only door to {@link issueSsoToken} over HTTP. */
export function ssoTokenEndpoint(ctx: EmulatorContext): RequestHandler {
  return (req, res, next) => {
    const fail = (failure: EntraFailure): void => sendEntraError(req, res, ctx.urls.authorityBaseUrl, failure);
    const segment = String(req.params.tenant);
    const tenant = resolveTenant(ctx, segment);
    if (!tenant || tenant.isBotFramework) return fail(failures.unknownTenant(segment));
    const parsed = ssoRequest.safeParse(req.body);
    if (!parsed.success) return fail(failures.missingParameter(req.body?.resource ? 'userId' : 'resource'));
    const who = parsed.data.userId ?? parsed.data.upn;
    if (!who) return fail(failures.missingParameter('userId'));
    issueSsoToken(ctx, who, parsed.data.resource)
      .then((accessToken) =>
        res.status(200).json({
          token_type: 'Bearer',
          scope: `${parsed.data.resource}/${SSO_SCOPE}`,
          expires_in: TOKEN_LIFETIME_SECONDS,
          ext_expires_in: TOKEN_LIFETIME_SECONDS,
          access_token: accessToken,
        }),
      )
      .catch((error: unknown) => (error instanceof SsoError ? fail(error.failure) : next(error)));
  };
}
