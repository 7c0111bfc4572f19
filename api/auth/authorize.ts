import type { RequestHandler } from 'express';
import type { Role, RoleStore } from '../../core/admin/admin-store';
import { HeraldError } from '../../core/errors/herald-error';
import { setRole, userOf } from '../http/request-context';

/** Requires a Herald role: `sender` (admins are senders too) or `admin`. */
export function requireRole(roles: RoleStore, needed: Role): RequestHandler {
  return (_req, res, next) => {
    const user = userOf(res);
    roles.get(user.tenantId, user.id).then((role) => {
      if (!role || (needed === 'admin' && role.role !== 'admin')) {
        const what = needed === 'admin' ? 'a Herald administrator' : 'an authorised sender';
        return next(new HeraldError('forbidden', `You are not ${what}. Ask a Herald administrator for access.`));
      }
      setRole(res, role);
      next();
    }, next);
  };
}
