import type { WelcomeStore } from './response-store';

/** `on`: every first install; `not-bulk`: not when Herald installed itself to deliver a broadcast; `off`: never. */
export type WelcomeMode = 'on' | 'off' | 'not-bulk';

/** The two install events (conversationUpdate, installationUpdate) of one install arrive within seconds. */
const SAME_INSTALL_MS = 10 * 60_000;

/**
 * Decides whether this install event should send the welcome, and claims it so it is sent once per user. Must run
 * before the conversation is recorded: recording hands the user's waiting recipients their conversation, after
 * which a bulk install no longer looks like one.
 */
export async function claimWelcome(store: WelcomeStore, mode: WelcomeMode, who: { tenantId: string; userId: string }, now: number): Promise<boolean> {
  if (mode === 'off') return false;
  const existing = await store.get(who.tenantId, who.userId);
  if (existing?.status === 'sent') return false;
  if (existing?.status === 'skipped' && now - existing.decidedAt < SAME_INSTALL_MS) return false;
  if (mode === 'not-bulk' && (await store.installedByHerald(who.tenantId, who.userId, now - SAME_INSTALL_MS))) {
    await store.skip(who.tenantId, who.userId, now);
    return false;
  }
  return store.claim(who.tenantId, who.userId, now);
}

/** The welcome card: the configured text, and how to get help. */
export function welcomeCard(text: string): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Welcome to Herald', size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' },
      { type: 'TextBlock', text, wrap: true },
      { type: 'TextBlock', text: 'Type **help** at any time to learn more.', isSubtle: true, wrap: true },
    ],
  };
}
