import type { EmulatedTeam, EmulatedUser } from '../tenant/model';
import type { Conversation, StoredActivity, TenantState } from '../tenant/state';

/** What the web client needs of an activity: who, when, the text and the attachments (cards). */
export function clientActivity(stored: StoredActivity): Record<string, unknown> {
  const activity = stored.activity;
  return {
    id: stored.id,
    from: stored.from,
    senderName: (activity.from as { name?: string } | undefined)?.name,
    receivedAt: stored.receivedAt,
    updatedAt: stored.updatedAt,
    deleted: stored.deleted ?? false,
    type: activity.type,
    text: stored.deleted ? undefined : activity.text,
    textFormat: activity.textFormat,
    replyToId: activity.replyToId,
    attachments: stored.deleted ? [] : (activity.attachments ?? []),
  };
}

export function clientUser(state: TenantState, user: EmulatedUser): Record<string, unknown> {
  return {
    id: user.id,
    displayName: user.displayName,
    userPrincipalName: user.userPrincipalName,
    jobTitle: user.jobTitle,
    teamsUserId: user.teamsUserId,
    heraldInstalled: state.findInstallation(user.id, state.directory.heraldAppId) !== undefined,
  };
}

/** The user's 1:1 chat with Herald, if Teams ever created it (found by its Graph chat id, without creating it). */
export function heraldChat(state: TenantState, userId: string): Conversation | undefined {
  const botAppId = state.catalogById.get(state.directory.heraldAppId)?.botAppId ?? '';
  return state.conversations.get(`19:${userId}_${botAppId}@unq.gbl.spaces`);
}

export function teamsOf(state: TenantState, userId: string): EmulatedTeam[] {
  return state.directory.teams.filter((team) => team.members.some((member) => member.userId === userId));
}

/** Whether a user can see a conversation: their own chat, or a channel of a team they belong to. */
export function canSee(state: TenantState, userId: string, conversation: Conversation): boolean {
  if (conversation.type === 'personal') return conversation.userId === userId;
  const team = conversation.teamId ? state.teamsById.get(conversation.teamId) : undefined;
  return team?.members.some((member) => member.userId === userId) ?? false;
}

/** The person's read-receipt switch and the tenant's policy that may override it. */
export function readReceiptSettings(state: TenantState, user: EmulatedUser): Record<string, unknown> {
  return { readReceiptsEnabled: user.readReceiptsEnabled, readReceiptsPolicy: state.readReceiptsPolicy };
}
