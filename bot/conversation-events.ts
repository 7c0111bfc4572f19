/** What the bot tells the engine when Teams reports an install or uninstall. Implemented by the composition root. */
export interface ConversationEvents {
  /** Herald was installed for a user (or the user's 1:1 conversation with Herald became known). */
  personalConversation(event: { tenantId: string; userAadId: string; conversationId: string; serviceUrl: string }): Promise<void>;
  /** Herald was removed for a user: the cached conversation must not be used any more. */
  personalUninstalled(event: { tenantId: string; userAadId: string }): Promise<void>;
  /** Herald was installed in a team (its General channel's conversation id is the team's). */
  teamConversation(event: { tenantId: string; teamId: string; conversationId: string; serviceUrl: string }): Promise<void>;
}
