import type { BroadcastEngine } from '../core/engine/broadcast-engine';
import type { ConversationEvents } from '../bot/conversation-events';
import type { Store } from '../core/store/store';

/** What the bot learns from Teams goes to the engine's conversation cache. */
export function engineConversationEvents(engine: BroadcastEngine, store: Store): ConversationEvents {
  return {
    personalConversation: async (event) => {
      await engine.recordConversation({ tenantId: event.tenantId, userId: event.userAadId, conversationId: event.conversationId, serviceUrl: event.serviceUrl, source: 'bot' });
    },
    personalUninstalled: async (event) => {
      await store.conversations.remove(event.tenantId, event.userAadId);
    },
    teamConversation: async () => undefined,
  };
}
