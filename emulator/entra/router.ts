import express, { type Router } from 'express';
import type { EmulatorContext } from '../context';
import { instanceDiscovery, keySet, openIdConfiguration } from './discovery';
import { failures, sendEntraError } from './errors';
import { ssoTokenEndpoint } from './sso';
import { resolveTenant } from './tenants';
import { tokenEndpoint } from './token-endpoint';

export { issueSsoToken, SsoError, TEAMS_CLIENT_ID } from './sso';

/** Stands in for `https://login.microsoftonline.com`; mounted at `/login`. */
export function entraRouter(ctx: EmulatorContext): Router {
  const router = express.Router();
  router.get('/common/discovery/instance', (req, res) => {
    const endpoint = typeof req.query.authorization_endpoint === 'string' ? req.query.authorization_endpoint : undefined;
    res.json(instanceDiscovery(ctx, endpoint));
  });
  router.get('/:tenant/v2.0/.well-known/openid-configuration', (req, res) => {
    const tenant = resolveTenant(ctx, req.params.tenant);
    if (!tenant) return sendEntraError(req, res, ctx.urls.authorityBaseUrl, failures.unknownTenant(req.params.tenant));
    res.json(openIdConfiguration(ctx, tenant));
  });
  router.get(['/:tenant/discovery/v2.0/keys', '/:tenant/discovery/keys'], (_req, res) => {
    res.json(keySet(ctx));
  });
  router.post('/:tenant/oauth2/v2.0/token', express.urlencoded({ extended: false }), tokenEndpoint(ctx));
  router.post('/:tenant/_emulator/sso-token', express.json(), ssoTokenEndpoint(ctx));
  return router;
}
