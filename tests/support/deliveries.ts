import type { RunningEmulator } from '../../emulator/server';

/** How many bot messages each user's 1:1 chat with Herald received, from the emulator's own records. */
export function deliveriesByUser(emulator: RunningEmulator): Map<string, number> {
  const counts = new Map<string, number>();
  for (const conversation of emulator.context.state.allConversations()) {
    if (conversation.type !== 'personal' || !conversation.userId) continue;
    const sent = conversation.activities.filter((activity) => activity.from === 'bot').length;
    if (sent > 0) counts.set(conversation.userId, sent);
  }
  return counts;
}

/** Licensed, enabled members: people a broadcast can reach. */
export function reachableMembers(emulator: RunningEmulator) {
  return emulator.context.state.directory.users.filter((user) => user.userType === 'Member' && user.accountEnabled && user.hasTeamsLicense);
}

export const simpleCard = (text: string) => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text, wrap: true }] });
