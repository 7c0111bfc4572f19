import type { Store } from '../store/store';

export interface ConversationEvent {
  tenantId: string;
  /** The user's Entra object id (`aadObjectId` on the activity's member). */
  userId: string;
  conversationId: string;
  serviceUrl: string;
  source: 'bot' | 'connector' | 'graph';
}

/**
 * Records where a user's 1:1 chat with Herald is (the bot calls this on installationUpdate/conversationUpdate)
 * and hands it to that user's recipients still waiting for it, so their sends go without asking Graph.
 * Returns how many recipients became ready.
 */
export async function recordConversation(store: Store, event: ConversationEvent, now: number): Promise<number> {
  await store.conversations.upsert({ ...event, updatedAt: now });
  return store.recipients.promoteUser(event.tenantId, event.userId, event.conversationId, event.serviceUrl, now);
}
