import type { EmulatedGroup } from '../tenant/model';
import type { TenantState } from '../tenant/state';
import { listCollection } from './collection';
import { GROUP_SELECT, GROUP_SEARCHABLE, findGroupOr404, groupResource } from './groups';
import { directoryCost } from './limits';
import type { FilterPolicy } from './odata/filter-eval';
import { option } from './odata/query';
import { project, type SelectSpec } from './odata/select';
import { GROUP_TRANSITIVE_READ, GROUPS_READ } from './permissions';
import type { GraphCall, GraphResult, GraphRoute } from './types';
import { USER_DEFAULTS_SELECT, USER_FILTER, USER_SEARCHABLE, USER_SELECT, userResource } from './users';

type Item = Record<string, unknown>;
type Cast = 'user' | 'group' | undefined;

/** Members are directoryObjects; on them Graph supports `$filter` only as an advanced query (group-list-members.md). */
const MEMBER_FILTER: FilterPolicy = {
  resource: 'DirectoryObject',
  typeName: 'microsoft.graph.directoryObject',
  filterable: ['id', 'displayname', 'mail', 'userprincipalname', 'usertype', 'accountenabled', 'givenname', 'surname', 'mailnickname'],
  known: [],
  advancedOnly: ['eq', 'ne', 'not', 'in', 'startswith', 'endswith', 'gt', 'ge', 'lt', 'le'],
  unsupported: ['contains'],
};

const MEMBER_SELECT: SelectSpec = {
  typeName: 'microsoft.graph.directoryObject',
  known: [...new Set([...USER_SELECT.known, ...GROUP_SELECT.known])],
  errorCode: 'Request_BadRequest',
};

/** Direct members, or every member reached through nested groups (each object once, nested groups included). */
function membersOf(state: TenantState, group: EmulatedGroup, transitive: boolean): Array<{ kind: 'user' | 'group'; item: Item }> {
  const found: Array<{ kind: 'user' | 'group'; item: Item }> = [];
  const seen = new Set<string>([group.id]);
  const queue: EmulatedGroup[] = [group];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const userId of current.memberUserIds) {
      const user = state.findUser(userId);
      if (user && !seen.has(user.id)) found.push({ kind: 'user', item: userResource(user) });
      seen.add(userId);
    }
    for (const groupId of current.memberGroupIds) {
      const nested = state.groupsById.get(groupId);
      if (!nested || seen.has(groupId)) continue;
      seen.add(groupId);
      found.push({ kind: 'group', item: groupResource(nested, state) });
      if (transitive) queue.push(nested);
    }
  }
  return found;
}

function listMembers(transitive: boolean, cast: Cast) {
  return (call: GraphCall): GraphResult => {
    const group = findGroupOr404(call, call.params.groupId!);
    const members = membersOf(call.ctx.state, group, transitive).filter((member) => !cast || member.kind === cast);
    const selecting = option(call.query, '$select') !== undefined;
    const users = new WeakSet<Item>();
    // The OData type annotation goes unless the URL's cast segment already says the type.
    const items = members.map(({ kind, item }) => {
      const annotated = cast ? item : { '@odata.type': `#microsoft.graph.${kind}`, ...item };
      if (kind === 'user') users.add(annotated);
      return annotated;
    });
    return listCollection(call, {
      items,
      entitySet: cast === 'user' ? 'users' : cast === 'group' ? 'groups' : 'directoryObjects',
      filter: cast === 'user' ? { ...USER_FILTER, advancedOnly: MEMBER_FILTER.advancedOnly } : MEMBER_FILTER,
      select: cast === 'user' ? { ...USER_SELECT, defaults: undefined } : cast === 'group' ? GROUP_SELECT : MEMBER_SELECT,
      directory: true,
      searchable: cast === 'group' ? GROUP_SEARCHABLE : USER_SEARCHABLE,
      orderable: ['displayName'],
      paging: { defaultSize: 100, maxSize: 999 },
      // Without $select a user shows its default properties, as on /users.
      present: (item) => (users.has(item) && !selecting ? project(item, USER_DEFAULTS_SELECT, USER_SELECT) : item),
    });
  };
}

function routesFor(segment: 'members' | 'transitiveMembers', roles: readonly string[], cost: number): GraphRoute[] {
  const transitive = segment === 'transitiveMembers';
  const casts: Array<[string, Cast]> = [['', undefined], ['/microsoft.graph.user', 'user'], ['/microsoft.graph.group', 'group']];
  return casts.map(([suffix, cast]) => ({
    method: 'GET' as const,
    pattern: `/groups/{groupId}/${segment}${suffix}`,
    roles,
    denial: 'directory' as const,
    limits: directoryCost(cost),
    handle: listMembers(transitive, cast),
  }));
}

export const GROUP_MEMBER_ROUTES: GraphRoute[] = [...routesFor('members', GROUPS_READ, 2), ...routesFor('transitiveMembers', GROUP_TRANSITIVE_READ, 3)];
