import type { EmulatedGroup } from '../tenant/model';
import type { TenantState } from '../tenant/state';
import { listCollection } from './collection';
import { directoryNotFound } from './errors';
import { directoryCost } from './limits';
import { contextUrl } from './odata/context-url';
import type { FilterPolicy } from './odata/filter-eval';
import { project, readSelect, type SelectSpec } from './odata/select';
import { GROUPS_READ } from './permissions';
import type { GraphCall, GraphResult, GraphRoute } from './types';

const CREATED = '2026-01-05T09:00:00Z';

/** The group resource (group.md), with the Teams provisioning flag set for groups that have a team. */
export function groupResource(group: EmulatedGroup, state: TenantState): Record<string, unknown> {
  return groupShape(group, state.teamsById.has(group.id));
}

function groupShape(group: EmulatedGroup, isTeam: boolean): Record<string, unknown> {
  return {
    id: group.id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: CREATED,
    creationOptions: isTeam ? ['Team'] : [],
    description: group.description,
    displayName: group.displayName,
    expirationDateTime: null,
    groupTypes: group.groupTypes,
    isAssignableToRole: null,
    mail: group.mail,
    mailEnabled: group.mailEnabled,
    mailNickname: group.mailNickname,
    membershipRule: null,
    membershipRuleProcessingState: null,
    onPremisesSyncEnabled: null,
    preferredDataLocation: null,
    preferredLanguage: null,
    proxyAddresses: group.mail ? [`SMTP:${group.mail}`] : [],
    renewedDateTime: CREATED,
    resourceBehaviorOptions: [],
    resourceProvisioningOptions: isTeam ? ['Team'] : [],
    securityEnabled: group.securityEnabled,
    theme: null,
    visibility: group.groupTypes.includes('Unified') ? 'Private' : null,
  };
}

const EMPTY_GROUP: EmulatedGroup = { id: '', displayName: '', description: '', mailNickname: '', mail: null, mailEnabled: false, securityEnabled: true, groupTypes: [], memberUserIds: [], memberGroupIds: [] };
const GROUP_PROPERTIES = Object.keys(groupShape(EMPTY_GROUP, false));

export const GROUP_SELECT: SelectSpec = { typeName: 'microsoft.graph.group', known: GROUP_PROPERTIES, errorCode: 'Request_BadRequest' };

export const GROUP_FILTER: FilterPolicy = {
  resource: 'Group',
  typeName: 'microsoft.graph.group',
  filterable: ['id', 'displayname', 'mailnickname', 'mail', 'securityenabled', 'mailenabled', 'grouptypes', 'resourceprovisioningoptions', 'proxyaddresses'],
  known: GROUP_PROPERTIES.map((name) => name.toLowerCase()),
  advancedOnly: ['ne', 'not', 'endswith', 'gt', 'ge', 'lt', 'le'],
  unsupported: ['contains'],
};

export const GROUP_SEARCHABLE = ['displayName', 'description', 'mail', 'mailNickname'];

export function findGroupOr404(call: GraphCall, id: string): EmulatedGroup {
  const group = call.ctx.state.groupsById.get(id);
  if (!group) throw directoryNotFound(id);
  return group;
}

function listGroups(call: GraphCall): GraphResult {
  const state = call.ctx.state;
  return listCollection(call, {
    items: state.directory.groups.map((group) => groupResource(group, state)),
    entitySet: 'groups',
    filter: GROUP_FILTER,
    select: GROUP_SELECT,
    directory: true,
    searchable: GROUP_SEARCHABLE,
    orderable: ['displayName'],
    paging: { defaultSize: 100, maxSize: 999 },
  });
}

function getGroup(call: GraphCall): GraphResult {
  const group = findGroupOr404(call, call.params.groupId!);
  const select = readSelect(call.query, GROUP_SELECT);
  const body = { '@odata.context': contextUrl(call.baseUrl, 'groups', select, true), ...project(groupResource(group, call.ctx.state), select, GROUP_SELECT) };
  return { status: 200, body };
}

export const GROUP_ROUTES: GraphRoute[] = [
  { method: 'GET', pattern: '/groups', roles: GROUPS_READ, denial: 'directory', limits: directoryCost(2), handle: listGroups },
  { method: 'GET', pattern: '/groups/{groupId}', roles: GROUPS_READ, denial: 'directory', limits: directoryCost(1), handle: getGroup },
];
