import type { Conversation } from '../tenant/state';
import { listCollection } from './collection';
import type { FilterPolicy } from './odata/filter-eval';
import type { SelectSpec } from './odata/select';
import { CHATS_READ } from './permissions';
import type { GraphCall, GraphResult, GraphRoute } from './types';
import { findTeamsUserOr404 } from './teams-users';

const CHAT_PROPERTIES = ['id', 'topic', 'createdDateTime', 'lastUpdatedDateTime', 'chatType', 'webUrl', 'tenantId', 'onlineMeetingInfo', 'viewpoint', 'isHiddenForAllMembers'];
const CHAT_SELECT: SelectSpec = { typeName: 'microsoft.graph.chat', known: CHAT_PROPERTIES, errorCode: 'BadRequest' };
const CHAT_FILTER: FilterPolicy = {
  resource: 'Chat',
  typeName: 'microsoft.graph.chat',
  filterable: ['id', 'chattype', 'topic', 'installedapps/teamsapp/id', 'installedapps/teamsapp/externalid'],
  known: CHAT_PROPERTIES.map((name) => name.toLowerCase()),
  advancedOnly: [],
  unsupported: [],
};

/** The chat resource (chat.md) of a personal (one-on-one) conversation between a user and a bot. */
export function chatResource(call: GraphCall, conversation: Conversation, since: string): Record<string, unknown> {
  const tenantId = call.ctx.state.tenantId;
  return {
    id: conversation.chatId,
    topic: null,
    createdDateTime: since,
    lastUpdatedDateTime: conversation.activities.at(-1)?.receivedAt ?? since,
    chatType: 'oneOnOne',
    webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(conversation.chatId)}/0?tenantId=${tenantId}`,
    tenantId,
    onlineMeetingInfo: null,
    viewpoint: { isHidden: false, lastMessageReadDateTime: '0001-01-01T00:00:00Z' },
    isHiddenForAllMembers: false,
  };
}

/** The user's chats with apps installed in them; each carries its installed apps so `installedApps/any(…)` can match. */
function listUserChats(call: GraphCall): GraphResult {
  const user = findTeamsUserOr404(call, call.params.userId!);
  const state = call.ctx.state;
  const items = state.installationsOf(user.id).flatMap((installation) => {
    const conversation = state.conversations.get(installation.conversationId);
    if (!conversation || conversation.type !== 'personal') return [];
    const app = state.catalogById.get(installation.teamsAppId);
    return [{ ...chatResource(call, conversation, installation.installedAt), installedApps: [{ teamsApp: { id: installation.teamsAppId, externalId: app?.externalId ?? null } }] }];
  });
  return listCollection(call, {
    items,
    entitySet: 'chats',
    filter: CHAT_FILTER,
    select: CHAT_SELECT,
    directory: false,
    paging: { defaultSize: 50, maxSize: 50 },
    present: ({ installedApps: _installedApps, ...chat }) => chat,
  });
}

export const CHAT_ROUTES: GraphRoute[] = [
  { method: 'GET', pattern: '/users/{userId}/chats', roles: CHATS_READ, denial: 'teams', limits: () => [], handle: listUserChats },
];
