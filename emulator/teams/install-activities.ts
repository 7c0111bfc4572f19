import type { EmulatorContext } from '../context';
import type { EmulatedTeam, EmulatedUser } from '../tenant/model';
import type { Conversation, Installation } from '../tenant/state';
import { botAccount, eventId } from './bot-client';

/** `add-upgrade`: the app was upgraded in place (Graph's `…/upgrade`); only an `installationUpdate` is posted. */
type Action = 'add' | 'remove' | 'add-upgrade';

/**
 * What Teams posts to the bot when its app is installed or uninstalled: a `conversationUpdate` (the bot joining
 * or leaving) and an `installationUpdate`, shaped after the payloads in "Conversation events in your Teams bot"
 * (learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events).
 * Empty when the installation's conversation or people no longer exist.
 */
export function installActivities(ctx: EmulatorContext, installation: Installation, action: Action): Array<Record<string, unknown>> {
  const conversation = ctx.state.conversations.get(installation.conversationId);
  if (!conversation) return [];
  if (installation.scope === 'user') {
    const user = ctx.state.usersById.get(installation.scopeId);
    return user ? personal(ctx, conversation, user, action) : [];
  }
  const team = ctx.state.teamsById.get(installation.scopeId);
  return team ? teamScope(ctx, conversation, team, action) : [];
}

function common(ctx: EmulatorContext, conversation: Conversation, from: EmulatedUser): Record<string, unknown> {
  return {
    id: eventId(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: ctx.urls.botServiceUrl,
    from: { id: from.teamsUserId, aadObjectId: from.id },
    recipient: botAccount(ctx, conversation.botAppId),
  };
}

function personal(ctx: EmulatorContext, conversation: Conversation, user: EmulatedUser, action: Action): Array<Record<string, unknown>> {
  const tenantId = ctx.state.tenantId;
  const base = {
    ...common(ctx, conversation, user),
    conversation: { conversationType: 'personal', tenantId, id: conversation.id },
    channelData: { tenant: { id: tenantId } },
  };
  const bot = { id: `28:${conversation.botAppId}` };
  const members = action === 'add' ? { membersAdded: [bot, { id: user.teamsUserId, aadObjectId: user.id }] } : { membersRemoved: [bot] };
  const installationUpdate = { type: 'installationUpdate', ...base, ...newId(), locale: 'en-US', entities: clientInfo(), action };
  if (action === 'add-upgrade') return [installationUpdate];
  return [{ ...members, type: 'conversationUpdate', ...base }, installationUpdate];
}

function teamScope(ctx: EmulatorContext, conversation: Conversation, team: EmulatedTeam, action: Action): Array<Record<string, unknown>> {
  const tenantId = ctx.state.tenantId;
  // A Graph install has no clicking user; the team's first owner stands in as the one who added the app.
  const installer = installerOf(ctx, team);
  if (!installer) return [];
  const general = team.channels.find((channel) => channel.id === team.internalId);
  const channelConversation = {
    isGroup: true,
    conversationType: 'channel',
    tenantId,
    id: conversation.id,
    ...(general ? { name: general.displayName } : {}),
  };
  const teamInfo = { aadGroupId: team.id, name: team.displayName, id: team.internalId };
  const settings = { selectedChannel: { id: conversation.id } };
  const base = common(ctx, conversation, installer);
  const bot = { id: `28:${conversation.botAppId}` };
  const updates = [
    {
      type: 'conversationUpdate',
      ...(action === 'add' ? { membersAdded: [bot] } : { membersRemoved: [bot] }),
      ...base,
      conversation: channelConversation,
      channelData: { settings, team: teamInfo, eventType: action === 'add' ? 'teamMemberAdded' : 'teamMemberRemoved', tenant: { id: tenantId } },
    },
    {
      type: 'installationUpdate',
      ...base,
      ...newId(),
      locale: 'en-US',
      entities: clientInfo(),
      conversation: channelConversation,
      channelData: { settings, channel: { id: conversation.id }, team: teamInfo, tenant: { id: tenantId } },
      action,
    },
  ];
  return action === 'add-upgrade' ? updates.slice(1) : updates;
}

function installerOf(ctx: EmulatorContext, team: EmulatedTeam): EmulatedUser | undefined {
  const owner = team.members.find((member) => member.roles.includes('owner')) ?? team.members[0];
  return owner ? ctx.state.usersById.get(owner.userId) : undefined;
}

function newId(): { id: string } {
  return { id: eventId() };
}

function clientInfo(): Array<Record<string, unknown>> {
  return [{ type: 'clientInfo', locale: 'en-US' }];
}
