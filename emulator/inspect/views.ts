import type { EmulatedUser } from '../tenant/model';
import type { Conversation, Installation, StoredActivity, TenantState } from '../tenant/state';

/** What the inspection API shows of one conversation. */
export function conversationView(conversation: Conversation): Record<string, unknown> {
  return {
    id: conversation.id,
    chatId: conversation.chatId,
    type: conversation.type,
    userId: conversation.userId,
    teamId: conversation.teamId,
    channelId: conversation.channelId,
    activities: conversation.activities.length,
    botSends: conversation.activities.filter((activity) => activity.from === 'bot').length,
  };
}

export function activityView(stored: StoredActivity): Record<string, unknown> {
  return {
    id: stored.id,
    from: stored.from,
    receivedAt: stored.receivedAt,
    updatedAt: stored.updatedAt,
    deleted: stored.deleted ?? false,
    updates: stored.updates,
    activity: stored.activity,
  };
}

export function userView(state: TenantState, user: EmulatedUser): Record<string, unknown> {
  const installation = state.findInstallation(user.id, state.directory.heraldAppId);
  return {
    id: user.id,
    displayName: user.displayName,
    userPrincipalName: user.userPrincipalName,
    mail: user.mail,
    userType: user.userType,
    accountEnabled: user.accountEnabled,
    hasTeamsLicense: user.hasTeamsLicense,
    teamsUserId: user.teamsUserId,
    heraldInstalled: installation !== undefined,
    conversationId: installation?.conversationId,
    deleted: state.deletedUserIds.has(user.id),
    policyBlocked: state.policyBlockedUserIds.has(user.id),
    botBlocked: state.botBlockedUserIds.has(user.id),
    readReceiptsEnabled: user.readReceiptsEnabled,
    consentedPermissions: installation?.consentedPermissions ?? [],
  };
}

export function allInstallations(state: TenantState): Installation[] {
  const all: Installation[] = [];
  for (const byId of state.installations.values()) all.push(...byId.values());
  return all;
}

/** Case-insensitive substring match on the fields a person would type. */
export function userMatches(user: EmulatedUser, search: string): boolean {
  const needle = search.toLowerCase();
  return [user.displayName, user.userPrincipalName, user.mail, user.id].some((field) => field.toLowerCase().includes(needle));
}
