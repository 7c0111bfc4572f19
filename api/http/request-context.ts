import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { RoleRecord } from '../../core/admin/admin-store';
import { HeraldError } from '../../core/errors/herald-error';
import type { SignedInUser } from '../auth/sso-verifier';

/** What the middleware learns about a request, kept on `res.locals` (typed through these helpers only). */
interface Locals {
  requestId?: string;
  user?: SignedInUser;
  role?: RoleRecord;
}

const SAFE_ID = /^[\w.-]{1,100}$/;

/** Gives every request an id (the caller's `x-request-id` when it is a plain token), echoed in the answer. */
export const requestId: RequestHandler = (req, res, next) => {
  const given = req.get('x-request-id');
  const id = given && SAFE_ID.test(given) ? given : randomUUID();
  (res.locals as Locals).requestId = id;
  res.setHeader('x-request-id', id);
  next();
};

export function requestIdOf(res: Response): string | undefined {
  return (res.locals as Locals).requestId;
}

export function setUser(res: Response, user: SignedInUser): void {
  (res.locals as Locals).user = user;
}

/** The verified caller; only routes behind `authenticate` may ask. */
export function userOf(res: Response): SignedInUser {
  const user = (res.locals as Locals).user;
  if (!user) throw new HeraldError('unauthenticated', 'Sign in first.');
  return user;
}

export function maybeUserOf(res: Response): SignedInUser | undefined {
  return (res.locals as Locals).user;
}

export function setRole(res: Response, role: RoleRecord): void {
  (res.locals as Locals).role = role;
}

/** The caller's Herald role; only routes behind `requireRole` may ask. */
export function roleOf(res: Response): RoleRecord {
  const role = (res.locals as Locals).role;
  if (!role) throw new HeraldError('forbidden', 'You are not an authorised sender.');
  return role;
}
