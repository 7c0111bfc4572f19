import type { RequestHandler } from 'express';
import type { Authority } from '../../core/authority/authority';
import { actorOf } from '../http/actor-of';
import { setRole } from '../http/request-context';

/**
 * Requires a Herald sender (administrators are senders too) before a request's body is read: someone without a
 * role is refused as such, not told about their body. The Authority decides, as it does again inside every use
 * case (which also decides whose notification it is).
 */
export function requireSender(authority: Authority): RequestHandler {
  return (_req, res, next) => {
    authority.requireSender(actorOf(res)).then((role) => {
      setRole(res, role);
      next();
    }, next);
  };
}

/** Requires a Herald administrator (roles and the audit log): refused before the body is read. */
export function requireAdmin(authority: Authority): RequestHandler {
  return (_req, res, next) => {
    authority.requireAdmin(actorOf(res)).then(() => next(), next);
  };
}
