import type { Response } from 'express';
import type { Actor } from '../../core/authority/actor';
import { userOf } from './request-context';

/** The signed-in person of the tab as core's actor. */
export function actorOf(res: Response): Actor {
  const user = userOf(res);
  return { tenantId: user.tenantId, userId: user.id, upn: user.upn, displayName: user.displayName, origin: 'tab' };
}
