import type { EmulatedUser } from '../tenant/model';
import { teamsNotFound } from './errors';
import type { GraphCall } from './types';

/** Teams APIs answer an unknown or deleted user with their own 404, not the directory's. */
export function findTeamsUserOr404(call: GraphCall, idOrUpn: string): EmulatedUser {
  const user = call.ctx.state.findUser(idOrUpn);
  if (!user) throw teamsNotFound(`User '${idOrUpn}' was not found.`);
  return user;
}
