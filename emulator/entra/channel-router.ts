import express, { type Router } from 'express';
import type { EmulatorContext } from '../context';

/** The channels the Bot Framework endorses its keys for; botbuilder checks the activity's channel is listed. */
const ENDORSEMENTS = ['msteams', 'skype', 'webchat', 'directline', 'emulator'];

/**
 * Stands in for `https://login.botframework.com` (mounted at `/botframework`): the OpenID metadata and keys
 * bots use to validate the JWT the channel sends with every activity.
 */
export function channelAuthRouter(ctx: EmulatorContext): Router {
  const router = express.Router();
  const keysUrl = `${ctx.urls.origin}/botframework/v1/.well-known/keys`;
  router.get('/v1/.well-known/openidconfiguration', (_req, res) => {
    res.json({
      issuer: 'https://api.botframework.com',
      authorization_endpoint: 'https://invalid.botframework.com',
      jwks_uri: keysUrl,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    });
  });
  router.get('/v1/.well-known/keys', (_req, res) => {
    res.json({ keys: [{ ...ctx.signing.publicJwk, endorsements: ENDORSEMENTS }] });
  });
  return router;
}
