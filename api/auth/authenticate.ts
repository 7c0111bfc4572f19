import type { RequestHandler } from 'express';
import { HeraldError } from '../../core/errors/herald-error';
import { setUser } from '../http/request-context';
import type { SsoVerifier } from './sso-verifier';

/**
 * Requires a valid Entra SSO token in `Authorization: Bearer …` (never in an address: the event stream signs in with
 * a single-use ticket, `event-tickets.ts`). The token is never logged.
 */
export function authenticate(verify: SsoVerifier): RequestHandler {
  return (req, res, next) => {
    const header = req.get('authorization');
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
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
