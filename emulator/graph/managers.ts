import type { EmulatedUser } from '../tenant/model';
import type { TenantState } from '../tenant/state';
import { GraphError } from './errors';
import { directoryCost } from './limits';
import { project, readSelect } from './odata/select';
import { USERS_READ } from './permissions';
import type { GraphCall, GraphRoute } from './types';
import { findUserOr404, liveUsers, USER_SELECT, userResource } from './users';

/**
 * Who manages whom in the emulated tenant, derived from the seed so that no state file changes: in every
 * department the first member user (in directory order) heads it and has no manager; everyone else in the
 * department reports to that head. A deleted head leaves their department without a manager, as a deleted
 * manager does in Entra.
 */
export function managerOf(state: TenantState, user: EmulatedUser): EmulatedUser | undefined {
  const head = liveUsers(state).find((candidate) => candidate.userType === 'Member' && candidate.department === user.department);
  return head && head.id !== user.id ? head : undefined;
}

/**
 * `GET /users/{id | userPrincipalName}/manager` (user-list-manager.md): 200 with the manager as a user (`@odata.type`
 * `#microsoft.graph.user`, the directoryObject entity context), `$select` honoured; 404 `Request_ResourceNotFound`
 * when nobody is assigned, as Graph answers for an empty single-valued navigation property.
 */
function getManager(call: GraphCall) {
  const user = findUserOr404(call, call.params.userId!);
  const manager = managerOf(call.ctx.state, user);
  if (!manager) throw new GraphError(404, 'Request_ResourceNotFound', `Resource 'manager' does not exist or one of its queried reference-property objects are not present.`);
  const select = readSelect(call.query, USER_SELECT);
  const body = {
    '@odata.context': `${call.baseUrl}/$metadata#directoryObjects/$entity`,
    '@odata.type': '#microsoft.graph.user',
    ...project(userResource(manager), select, USER_SELECT),
  };
  return { status: 200, body };
}

export const MANAGER_ROUTES: GraphRoute[] = [{ method: 'GET', pattern: '/users/{userId}/manager', roles: USERS_READ, denial: 'directory', limits: directoryCost(1), handle: getManager }];
