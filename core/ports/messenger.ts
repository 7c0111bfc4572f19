/** Where a conversation lives: what the Bot Connector needs to address it. */
export interface ConversationAddress {
  conversationId: string;
  serviceUrl: string;
  tenantId: string;
}

/**
 * Sends, updates and deletes activities through the Bot Connector. Throws `PlatformError` on a non-success answer.
 * `activity` is a Bot Framework activity (usually a message with one Adaptive Card attachment).
 */
export interface MessengerPort {
  send(address: ConversationAddress, activity: Record<string, unknown>): Promise<{ activityId: string }>;
  update(address: ConversationAddress, activityId: string, activity: Record<string, unknown>): Promise<void>;
  delete(address: ConversationAddress, activityId: string): Promise<void>;
  /** Creates (or finds) the 1:1 conversation with a user who has Herald installed. */
  createPersonalConversation(tenantId: string, serviceUrl: string, userAadId: string): Promise<string>;
}
