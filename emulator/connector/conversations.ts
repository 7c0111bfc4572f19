import type { EmulatorContext } from '../context';
import type { EmulatedCatalogApp, EmulatedTeam, EmulatedUser } from '../tenant/model';
import type { Conversation } from '../tenant/state';
import { connectorFailures, type ConnectorFailure } from './errors';

/**
 * The conversation a Connector path names, for the calling bot. Personal chats answer to both their `a:…` id and
 * the Graph chat id; a channel thread id may carry `;messageid=…` (a reply chain), which addresses its channel.
 */
export function findConversation(ctx: EmulatorContext, rawId: string, botAppId: string): Conversation | undefined {
  const id = rawId.split(';messageid=')[0] ?? rawId;
  const known = ctx.state.conversations.get(id);
  if (known) return known.botAppId === botAppId ? known : undefined;
  const team = teamOfChannel(ctx, id);
  return team ? ctx.state.channelConversation(team, id, botAppId) : undefined;
}

function teamOfChannel(ctx: EmulatorContext, channelId: string): EmulatedTeam | undefined {
  return ctx.state.directory.teams.find((team) => team.channels.some((channel) => channel.id === channelId));
}

/** A team by the id the Connector uses for it: its General channel's thread id. */
export function findTeamByThreadId(ctx: EmulatorContext, threadId: string): EmulatedTeam | undefined {
  return ctx.state.directory.teams.find((team) => team.internalId === threadId);
}

/** The catalog app that carries a bot. */
export function appOfBot(ctx: EmulatorContext, botAppId: string): EmulatedCatalogApp | undefined {
  return ctx.state.directory.catalog.find((app) => app.botAppId === botAppId);
}

/** Whether the bot's app is installed for the user, personally or in a team the user belongs to. */
export function installedForUser(ctx: EmulatorContext, user: EmulatedUser, botAppId: string): boolean {
  const app = appOfBot(ctx, botAppId);
  if (!app || ctx.state.deletedUserIds.has(user.id)) return false;
  if (ctx.state.findInstallation(user.id, app.id)) return true;
  return ctx.state.directory.teams.some(
    (team) => team.members.some((member) => member.userId === user.id) && ctx.state.findInstallation(team.id, app.id) !== undefined,
  );
}

export function installedInTeam(ctx: EmulatorContext, teamId: string, botAppId: string): boolean {
  const app = appOfBot(ctx, botAppId);
  return app !== undefined && ctx.state.findInstallation(teamId, app.id) !== undefined;
}

/**
 * Why the bot may not write to (or read) the conversation now, or undefined when it may. A user who blocked
 * the bot answers 209 `MessageWritesBlocked` for writes; an uninstalled app answers 403.
 */
export function accessFailure(ctx: EmulatorContext, conversation: Conversation, write: boolean): ConnectorFailure | undefined {
  if (conversation.type === 'channel') {
    return installedInTeam(ctx, conversation.teamId ?? '', conversation.botAppId) ? undefined : connectorFailures.notInRoster();
  }
  const user = ctx.state.usersById.get(conversation.userId ?? '');
  if (write && user && ctx.state.botBlockedUserIds.has(user.id)) return connectorFailures.writesBlocked();
  return user && installedForUser(ctx, user, conversation.botAppId) ? undefined : connectorFailures.notInstalled();
}

/** The people in a conversation: the user of a personal chat, or the team's members for a channel. */
export function membersOf(ctx: EmulatorContext, conversation: Conversation): EmulatedUser[] {
  const ids =
    conversation.type === 'personal'
      ? [conversation.userId ?? '']
      : (ctx.state.teamsById.get(conversation.teamId ?? '')?.members ?? []).map((member) => member.userId);
  return ids.map((id) => ctx.state.findUser(id)).filter((user): user is EmulatedUser => user !== undefined);
}

/** A user by the ids the Connector accepts: the Teams id (`29:…`), the Entra object id, or the UPN. */
export function findMember(ctx: EmulatorContext, memberId: string): EmulatedUser | undefined {
  const byTeamsId = ctx.state.usersByTeamsId.get(memberId);
  if (byTeamsId) return ctx.state.findUser(byTeamsId.id);
  return ctx.state.findUser(memberId);
}
