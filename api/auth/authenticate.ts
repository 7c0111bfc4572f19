import type { RequestHandler } from 'express';
import { HeraldError } from '../../core/errors/herald-error';
import { setUser } from '../http/request-context';
import type { SsoVerifier } from './sso-verifier';

/**
 * Requires a valid Entra SSO token: `Authorization: Bearer …`, or, where `queryToken` is set (server-sent events:
 * EventSource cannot send headers), `?access_token=`. The token is never logged.
 */
export function authenticate(verify: SsoVerifier, options: { queryToken?: boolean } = {}): RequestHandler {
  return (req, res, next) => {
    const header = req.get('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const query = options.queryToken && typeof req.query.access_token === 'string' ? req.query.access_token : undefined;
    const token = bearer ?? query;
    if (!token) return next(new HeraldError('unauthenticated', header ? 'The Authorization header must be "Bearer <token>".' : 'Sign in first: no token was sent.'));
    verify(token).then(
      (user) => {
        setUser(res, user);
        next();
      },
      next,
    );
  };
}
