import type { EmulatedTeam } from '../tenant/model';
import { listCollection } from './collection';
import { teamsNotFound } from './errors';
import { perTeam, perTenant, unlimited } from './limits';
import { contextUrl } from './odata/context-url';
import type { FilterPolicy } from './odata/filter-eval';
import { project, readSelect, type SelectSpec } from './odata/select';
import { CHANNELS_READ, TEAM_MEMBERS_READ, TEAMS_READ } from './permissions';
import { teamMemberItems, TEAM_MEMBER_FILTER, TEAM_MEMBER_SELECT } from './team-members';
import type { GraphCall, GraphResult, GraphRoute } from './types';

const CREATED = '2026-01-05T09:00:00Z';

/** The team resource (team.md); the list operation leaves the settings out (null), as teams-list.md shows. */
function teamResource(call: GraphCall, team: EmulatedTeam, full: boolean): Record<string, unknown> {
  const tenantId = call.ctx.state.tenantId;
  const summary = { ownersCount: 0, membersCount: 0, guestsCount: 0 };
  for (const member of team.members) {
    if (member.roles.includes('owner')) summary.ownersCount += 1;
    else if (member.roles.includes('guest')) summary.guestsCount += 1;
    else summary.membersCount += 1;
  }
  const settings = (value: Record<string, unknown>): Record<string, unknown> | null => (full ? value : null);
  return {
    id: team.id,
    createdDateTime: full ? CREATED : null,
    displayName: team.displayName,
    description: team.description,
    internalId: full ? team.internalId : null,
    classification: null,
    specialization: full ? 'none' : null,
    visibility: 'private',
    webUrl: full ? `https://teams.microsoft.com/l/team/${encodeURIComponent(team.internalId)}/conversations?groupId=${team.id}&tenantId=${tenantId}` : null,
    isArchived: false,
    tenantId: full ? tenantId : null,
    isMembershipLimitedToOwners: full ? false : null,
    memberSettings: settings({ allowCreateUpdateChannels: true, allowCreatePrivateChannels: true, allowDeleteChannels: true, allowAddRemoveApps: true, allowCreateUpdateRemoveTabs: true, allowCreateUpdateRemoveConnectors: true }),
    guestSettings: settings({ allowCreateUpdateChannels: false, allowDeleteChannels: false }),
    messagingSettings: settings({ allowUserEditMessages: true, allowUserDeleteMessages: true, allowOwnerDeleteMessages: true, allowTeamMentions: true, allowChannelMentions: true }),
    funSettings: settings({ allowGiphy: true, giphyContentRating: 'moderate', allowStickersAndMemes: true, allowCustomMemes: true }),
    discoverySettings: settings({ showInTeamsSearchAndSuggestions: true }),
    summary: full ? summary : null,
  };
}

const TEAM_PROPERTIES = ['id', 'createdDateTime', 'displayName', 'description', 'internalId', 'classification', 'specialization', 'visibility', 'webUrl', 'isArchived', 'tenantId', 'isMembershipLimitedToOwners', 'memberSettings', 'guestSettings', 'messagingSettings', 'funSettings', 'discoverySettings', 'summary'];
const TEAM_SELECT: SelectSpec = { typeName: 'microsoft.graph.team', known: TEAM_PROPERTIES, errorCode: 'BadRequest' };
const TEAM_FILTER: FilterPolicy = { resource: 'Team', typeName: 'microsoft.graph.team', filterable: ['id', 'displayname', 'description', 'visibility'], known: TEAM_PROPERTIES.map((name) => name.toLowerCase()), advancedOnly: [], unsupported: [] };

const CHANNEL_PROPERTIES = ['id', 'createdDateTime', 'displayName', 'description', 'isFavoriteByDefault', 'email', 'tenantId', 'webUrl', 'membershipType'];
const CHANNEL_SELECT: SelectSpec = { typeName: 'microsoft.graph.channel', known: CHANNEL_PROPERTIES, errorCode: 'BadRequest' };
const CHANNEL_FILTER: FilterPolicy = { resource: 'Channel', typeName: 'microsoft.graph.channel', filterable: ['id', 'displayname', 'membershiptype'], known: CHANNEL_PROPERTIES.map((name) => name.toLowerCase()), advancedOnly: [], unsupported: [] };

export function findTeamOr404(call: GraphCall, id: string): EmulatedTeam {
  const team = call.ctx.state.teamsById.get(id);
  if (!team) throw teamsNotFound(`No team found with Group Id ${id}`);
  return team;
}

function listTeams(call: GraphCall): GraphResult {
  const items = call.ctx.state.directory.teams.map((team) => teamResource(call, team, false));
  return listCollection(call, { items, entitySet: 'teams', filter: TEAM_FILTER, select: TEAM_SELECT, directory: false, paging: { defaultSize: 100, maxSize: 999 } });
}

function getTeam(call: GraphCall): GraphResult {
  const team = findTeamOr404(call, call.params.teamId!);
  const select = readSelect(call.query, TEAM_SELECT);
  return { status: 200, body: { '@odata.context': contextUrl(call.baseUrl, 'teams', select, true), ...project(teamResource(call, team, true), select, TEAM_SELECT) } };
}

/** Team members come back whole, with `@odata.count` even unasked (team-list-members.md). */
function listTeamMembers(call: GraphCall): GraphResult {
  const team = findTeamOr404(call, call.params.teamId!);
  const result = listCollection(call, { items: teamMemberItems(call, team), entitySet: `teams('${team.id}')/members`, filter: TEAM_MEMBER_FILTER, select: TEAM_MEMBER_SELECT, directory: false });
  const { '@odata.context': context, value } = result.body as { '@odata.context': string; value: unknown[] };
  return { status: 200, body: { '@odata.context': context, '@odata.count': value.length, value } };
}

function listChannels(call: GraphCall): GraphResult {
  const team = findTeamOr404(call, call.params.teamId!);
  const tenantId = call.ctx.state.tenantId;
  const items = team.channels.map((channel) => ({
    id: channel.id,
    createdDateTime: channel.createdDateTime,
    displayName: channel.displayName,
    description: channel.description,
    isFavoriteByDefault: null,
    email: '',
    tenantId,
    webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(channel.id)}/${encodeURIComponent(channel.displayName)}?groupId=${team.id}&tenantId=${tenantId}`,
    membershipType: channel.membershipType,
  }));
  return listCollection(call, { items, entitySet: `teams('${team.id}')/channels`, filter: CHANNEL_FILTER, select: CHANNEL_SELECT, directory: false });
}

const oneTeam = (call: GraphCall) => [perTeam(call.params.teamId!)];

export const TEAM_ROUTES: GraphRoute[] = [
  { method: 'GET', pattern: '/teams', roles: TEAMS_READ, denial: 'teams', limits: unlimited, handle: listTeams },
  { method: 'GET', pattern: '/teams/{teamId}', roles: TEAMS_READ, denial: 'teams', limits: oneTeam, handle: getTeam },
  {
    method: 'GET',
    pattern: '/teams/{teamId}/members',
    roles: TEAM_MEMBERS_READ,
    denial: 'teams',
    limits: (call) => [perTenant(call, 'graph.teamMembers'), perTeam(call.params.teamId!)],
    handle: listTeamMembers,
  },
  { method: 'GET', pattern: '/teams/{teamId}/channels', roles: CHANNELS_READ, denial: 'teams', limits: oneTeam, handle: listChannels },
];
