import type { EmulatedTeam } from '../tenant/model';
import type { FilterPolicy } from './odata/filter-eval';
import type { SelectSpec } from './odata/select';
import type { GraphCall } from './types';

const MEMBER_PROPERTIES = ['id', 'roles', 'displayName', 'visibleHistoryStartDateTime', 'userId', 'email', 'tenantId'];

export const TEAM_MEMBER_SELECT: SelectSpec = { typeName: 'microsoft.graph.conversationMember', known: MEMBER_PROPERTIES, errorCode: 'BadRequest' };

/** team-list-members.md filters on `userId`, `displayName`, `email` (behind an aadUserConversationMember cast) and roles. */
export const TEAM_MEMBER_FILTER: FilterPolicy = {
  resource: 'ConversationMember',
  typeName: 'microsoft.graph.conversationMember',
  filterable: ['userid', 'displayname', 'email', 'roles', 'id'],
  known: MEMBER_PROPERTIES.map((name) => name.toLowerCase()),
  advancedOnly: [],
  unsupported: [],
};

/**
 * aadUserConversationMember items. Membership ids are opaque to clients; like Graph's they are base64 of
 * `{teamId}##{userId}`. Deleted users are no longer members.
 */
export function teamMemberItems(call: GraphCall, team: EmulatedTeam): Array<Record<string, unknown>> {
  const state = call.ctx.state;
  return team.members.flatMap((member) => {
    const user = state.findUser(member.userId);
    if (!user) return [];
    return [
      {
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        id: Buffer.from(`${team.id}##${user.id}`).toString('base64'),
        roles: [...member.roles],
        displayName: user.displayName,
        visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
        userId: user.id,
        email: user.mail,
        tenantId: state.tenantId,
      },
    ];
  });
}
