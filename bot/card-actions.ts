import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../core/cards/card-activity';
import { CARD_VERBS } from '../core/cards/card-template';
import { handleCardAction, type CardActionAnswer, type CardActionDeps } from '../core/responses/card-action';
import { personOf } from './turn-person';

/**
 * `adaptiveCard/action` (Universal Actions): the answer is the card as this person now sees it, in the response
 * format Teams expects (`statusCode`, `type`, `value`); a note is an `activity.message`, a bad request an error.
 */
export async function answerCardInvoke(deps: CardActionDeps, context: TurnContext, invoke: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
  const who = personOf(context);
  if (!who) return error(400, 'The action does not say who pressed it.');
  const answer = await handleCardAction(deps, {
    ...who,
    verb: invoke.action.verb ?? '',
    data: isRecord(invoke.action.data) ? invoke.action.data : {},
    activityId: context.activity.replyToId,
    conversation: conversationOf(context),
  });
  return toInvokeResponse(answer);
}

/**
 * An older client's `Action.Submit`: a message whose `value` carries the card's data (and inputs). Same outcome as
 * `Action.Execute`; the card is updated in place. Returns false when the message is not a card submit.
 */
export async function answerCardSubmit(deps: CardActionDeps, context: TurnContext): Promise<boolean> {
  const value = context.activity.value;
  if (!isRecord(value) || (typeof value.notificationId !== 'string' && typeof value.verb !== 'string')) return false;
  const who = personOf(context);
  if (!who) return false;
  const verb = typeof value.verb === 'string' ? value.verb : value.choices !== undefined ? CARD_VERBS.vote : CARD_VERBS.acknowledge;
  const answer = await handleCardAction(deps, { ...who, verb, data: value, activityId: context.activity.replyToId, conversation: conversationOf(context) });
  if (answer.kind === 'card' && context.activity.replyToId) {
    await context.updateActivity({ type: 'message', id: context.activity.replyToId, attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: answer.card }] });
  } else if (answer.kind !== 'card') {
    await context.sendActivity({ type: 'message', text: answer.kind === 'message' ? answer.text : answer.message });
  }
  return true;
}

/** The conversation an action came from, as Teams names it (`personal`, `groupChat`, `channel`). */
function conversationOf(context: TurnContext): { id: string; type?: string } {
  const conversation = context.activity.conversation;
  return { id: conversation?.id ?? '', type: conversation?.conversationType };
}

function toInvokeResponse(answer: CardActionAnswer): AdaptiveCardInvokeResponse {
  if (answer.kind === 'card') return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: answer.card };
  if (answer.kind === 'message') return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: answer.text as unknown as Record<string, unknown> };
  return error(answer.status, answer.message);
}

function error(statusCode: number, message: string): AdaptiveCardInvokeResponse {
  return { statusCode, type: 'application/vnd.microsoft.error', value: { code: statusCode === 404 ? 'NotFound' : 'BadRequest', message } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
