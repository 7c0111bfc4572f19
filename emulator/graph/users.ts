import type { EmulatedUser } from '../tenant/model';
import type { TenantState } from '../tenant/state';
import { listCollection } from './collection';
import { directoryNotFound, GraphError } from './errors';
import { directoryCost } from './limits';
import { contextUrl } from './odata/context-url';
import type { FilterPolicy } from './odata/filter-eval';
import { isEventual } from './odata/query';
import { project, readSelect, type SelectSpec } from './odata/select';
import { USERS_READ } from './permissions';
import type { GraphCall, GraphRoute } from './types';

/** The user resource as Graph returns it, documented default properties first (user-list.md). */
export function userResource(user: EmulatedUser): Record<string, unknown> {
  return {
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: user.officeLocation,
    preferredLanguage: 'en-US',
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
    accountEnabled: user.accountEnabled,
    userType: user.userType,
    department: user.department,
    mailNickname: user.userPrincipalName.split('@')[0] ?? '',
    usageLocation: 'IE',
  };
}

export const USER_DEFAULTS_SELECT = ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'];
const USER_PROPERTIES = [...USER_DEFAULTS_SELECT, 'accountEnabled', 'userType', 'department', 'mailNickname', 'usageLocation'];

export const USER_SELECT: SelectSpec = { typeName: 'microsoft.graph.user', known: USER_PROPERTIES, defaults: USER_DEFAULTS_SELECT, errorCode: 'Request_BadRequest' };

/** Which user properties `$filter` supports by default; `ne`, `not`, `endsWith` and ranges need advanced queries. */
export const USER_FILTER: FilterPolicy = {
  resource: 'User',
  typeName: 'microsoft.graph.user',
  filterable: ['id', 'userprincipalname', 'mail', 'usertype', 'accountenabled', 'displayname', 'givenname', 'surname', 'jobtitle', 'department', 'officelocation', 'mailnickname', 'usagelocation', 'preferredlanguage'],
  known: ['businessphones', 'mobilephone'],
  advancedOnly: ['ne', 'not', 'endswith', 'gt', 'ge', 'lt', 'le'],
  unsupported: ['contains'],
};

export const USER_SEARCHABLE = ['displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'mailNickname', 'jobTitle'];
export const USER_ORDERABLE = ['displayName', 'userPrincipalName'];

/** Users that exist: a simulated deletion removes them from every answer. */
export function liveUsers(state: TenantState): EmulatedUser[] {
  return state.directory.users.filter((user) => !state.deletedUserIds.has(user.id));
}

export function findUserOr404(call: GraphCall, idOrUpn: string): EmulatedUser {
  const user = call.ctx.state.findUser(idOrUpn);
  if (!user) throw directoryNotFound(idOrUpn);
  return user;
}

function listUsers(call: GraphCall) {
  return listCollection(call, {
    items: liveUsers(call.ctx.state),
    resource: userResource,
    entitySet: 'users',
    filter: USER_FILTER,
    select: USER_SELECT,
    directory: true,
    searchable: USER_SEARCHABLE,
    orderable: USER_ORDERABLE,
    paging: { defaultSize: 100, maxSize: 999 },
  });
}

/** `/users/$count` is plain text, and only an advanced query (aad-advanced-queries.md). */
function countUsers(call: GraphCall) {
  if (!isEventual(call.request.headers)) throw new GraphError(400, 'Request_BadRequest', '$count is not currently supported.');
  return { status: 200, body: String(liveUsers(call.ctx.state).length), text: true };
}

function getUser(call: GraphCall) {
  const user = findUserOr404(call, call.params.userId!);
  const select = readSelect(call.query, USER_SELECT);
  const body = { '@odata.context': contextUrl(call.baseUrl, 'users', select, true), ...project(userResource(user), select, USER_SELECT) };
  return { status: 200, body };
}

export const USER_ROUTES: GraphRoute[] = [
  { method: 'GET', pattern: '/users', roles: USERS_READ, denial: 'directory', limits: directoryCost(2), handle: listUsers },
  { method: 'GET', pattern: '/users/$count', roles: USERS_READ, denial: 'directory', limits: directoryCost(1), handle: countUsers },
  { method: 'GET', pattern: '/users/{userId}', roles: USERS_READ, denial: 'directory', limits: directoryCost(1), handle: getUser },
];
