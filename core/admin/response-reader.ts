import type { CardResponseStore, UserResponse } from '../responses/response-store';

/** What the report needs of people's answers; the bot's CardResponseStore provides it. */
export type ResponseReader = Pick<CardResponseStore, 'acknowledgedCount' | 'pollResults' | 'responsesOf'>;

/** Until the bot records answers, nobody has answered anything. */
export const noResponses: ResponseReader = {
  acknowledgedCount: async () => 0,
  pollResults: async (_notificationId, optionCount) => ({ counts: new Array<number>(optionCount).fill(0), total: 0 }),
  responsesOf: async () => new Map<string, UserResponse>(),
};
