import type { Response } from 'express';

/** A Bot Connector failure as Teams reports it: `{"error":{"code","message"}}` under an HTTP status. */
export interface ConnectorFailure {
  status: number;
  body: unknown;
}

function failure(status: number, code: string, message: string): ConnectorFailure {
  return { status, body: { error: { code, message } } };
}

/**
 * The codes and messages of Teams' "Status codes from bot conversational APIs" table
 * (learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages).
 */
export const connectorFailures = {
  badArgument: (message: string) => failure(400, 'BadArgument', message),
  notInstalled: () => failure(403, 'ForbiddenOperationException', "Bot isn't installed in user's personal scope"),
  notInRoster: () => failure(403, 'BotNotInConversationRoster', "The bot isn't part of the conversation roster."),
  conversationNotFound: () => failure(404, 'ConversationNotFound', 'Conversation not found.'),
  // The documented message for this code is the conversation's, word for word.
  activityNotFound: () => failure(404, 'ActivityNotFoundInConversation', 'Conversation not found.'),
  memberNotFound: () => failure(404, 'MemberNotFoundInConversation', 'The member was not found in the conversation.'),
  preconditionFailed: () => failure(412, 'PreconditionFailed', 'Precondition failed, please try again.'),
  tooBig: () => failure(413, 'MessageSizeTooBig', 'Message size too large.'),
  throttled: () => failure(429, 'Throttled', 'Too many requests.'),
  /**
   * A user who blocked the bot: the body is Teams' own, a JSON string inside `message`
   * (send-proactive-messages, "Understand who blocked, muted, or uninstalled a bot").
   */
  writesBlocked: (): ConnectorFailure => ({
    status: 403,
    body: {
      errorCode: 209,
      message: JSON.stringify(
        { subCode: 'MessageWritesBlocked', details: 'Thread is blocked from message writes.', errorCode: null, errorSubCode: null },
        null,
        2,
      ).replace(/\n/g, '\r\n'),
    },
  }),
  /** The Connector's ASP.NET answer to a missing or invalid bearer token. */
  unauthorized: (): ConnectorFailure => ({ status: 401, body: { message: 'Authorization has been denied for this request.' } }),
};

export function sendFailure(res: Response, failure: ConnectorFailure): void {
  res.status(failure.status).json(failure.body);
}
