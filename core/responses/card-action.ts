import { buildCard, CARD_VERBS } from '../cards/card-template';
import { expiredRawCard } from '../followups/followup-cards';
import type { Clock } from '../shared/clock';
import type { Store } from '../store/store';
import { cardForUser, parseChoices } from './card-answer';
import type { ResponseEvents } from './response-events';
import type { ResponseStore } from './response-store';

/** A card button pressed by one person (from `Action.Execute`, its refresh, or an old client's `Action.Submit`). */
export interface CardActionRequest {
  tenantId: string;
  /** The person's Entra object id (`from.aadObjectId`): answers are theirs alone. */
  userId: string;
  verb: string;
  data: Record<string, unknown>;
  /** The message whose card was used (`replyToId`). */
  activityId?: string;
  /** The conversation the action came from: answers count only from the person's own 1:1 chat with Herald. */
  conversation: { id: string; type?: string };
}

export type CardActionAnswer =
  | { kind: 'card'; card: Record<string, unknown>; notificationId: string }
  | { kind: 'message'; text: string }
  | { kind: 'error'; status: 400 | 404; message: string };

export interface CardActionDeps {
  store: Store;
  responses: ResponseStore;
  events: ResponseEvents;
  clock: Clock;
}

const KNOWN_VERBS = new Set<string>(Object.values(CARD_VERBS));
const NOT_SENT_TO_YOU = 'This card was not sent to you, so Herald cannot record an answer for you.';
const ONLY_IN_YOUR_CHAT = 'Herald records your answer only from the card it sent you, in your own chat with Herald. Please answer there.';

/**
 * Records an acknowledgement or a poll answer and returns the card as this person should now see it. Only a
 * person the notification was delivered to (their recipient row is `sent`) may act on it, only from the 1:1 chat
 * Herald delivered it to (a copy forwarded to a group chat, or a card replayed elsewhere, is politely refused),
 * and the answer shows only their own state and aggregate results.
 */
export async function handleCardAction(deps: CardActionDeps, request: CardActionRequest): Promise<CardActionAnswer> {
  if (!KNOWN_VERBS.has(request.verb)) return { kind: 'error', status: 400, message: `Herald does not know the action "${request.verb}".` };
  if (request.conversation.type !== 'personal') return { kind: 'message', text: ONLY_IN_YOUR_CHAT };
  const notificationId = await notificationOf(deps, request);
  const recipient = notificationId ? await deps.responses.cards.recipientOf(notificationId, request.userId) : undefined;
  if (!notificationId || recipient?.state !== 'sent') return { kind: 'message', text: NOT_SENT_TO_YOU };
  if (!sameChat(recipient.conversationId, request.conversation.id, request.userId)) return { kind: 'message', text: ONLY_IN_YOUR_CHAT };
  const notification = await deps.store.notifications.get(notificationId);
  if (!notification) return { kind: 'error', status: 404, message: 'This announcement no longer exists.' };
  const content = await deps.responses.contents.contentOf(notificationId);
  const at = deps.clock.now();
  // After its expiry nothing is recorded: the answer is the card as it now reads (it says so, without buttons).
  const followUp = await deps.store.followups.get(notificationId);
  const expiredAt = followUp?.plan.expiresAt != null && at >= followUp.plan.expiresAt ? followUp.plan.expiresAt : null;
  if (expiredAt !== null) {
    const card = content ? buildCard(content, { notificationId, expiredAt }) : expiredRawCard(notification.card as Record<string, unknown>, expiredAt);
    return { kind: 'card', card, notificationId };
  }
  const who = { notificationId, tenantId: request.tenantId, userId: request.userId };

  if (request.verb === CARD_VERBS.acknowledge) {
    await deps.responses.cards.acknowledge({ ...who, at });
    deps.events.recorded(notificationId);
  } else if (request.verb === CARD_VERBS.vote) {
    const choices = parseChoices(request.data.choices);
    const options = content?.poll?.options.length;
    const valid = choices && (options === undefined || choices.every((index) => index < options)) && (content?.poll?.multiple !== false || choices.length === 1);
    // A person's slip is answered with a note (the documented `activity.message` answer); errors are for broken cards.
    if (!valid) return { kind: 'message', text: content?.poll?.multiple ? 'Choose at least one answer.' : 'Choose one answer.' };
    await deps.responses.cards.vote({ ...who, choices, at });
    deps.events.recorded(notificationId);
  }

  const response = await deps.responses.cards.responseOf(notificationId, request.userId);
  const poll = content?.poll;
  const results = poll?.showResults && response?.choices ? await deps.responses.cards.pollResults(notificationId, poll.options.length) : undefined;
  const card = cardForUser({ notificationId, content, rawCard: notification.card as Record<string, unknown>, response, results, acknowledgeBy: followUp?.plan.acknowledgeBy ?? null });
  return { kind: 'card', card, notificationId };
}

/**
 * Whether the personal conversation an action came from is the chat Herald delivered to. Teams names a person's
 * 1:1 chat with a bot two ways: the Bot Framework id (`a:…`, in the bot's activities and its install events) and
 * Graph's chat id (`19:{user id}_{bot app id}@unq.gbl.spaces`, what Herald has when it found the chat through
 * Graph). A personal conversation of this user with Herald is that chat, whichever name the row holds.
 */
function sameChat(delivered: string | null, actedIn: string, userId: string): boolean {
  if (!delivered || !actedIn) return false;
  if (delivered === actedIn) return true;
  const graphChat = delivered.toLowerCase();
  return graphChat.startsWith(`19:${userId.toLowerCase()}_`) && graphChat.endsWith('@unq.gbl.spaces');
}

/** The card's own notification id when it carries one; otherwise the message it was sent in tells. */
async function notificationOf(deps: CardActionDeps, request: CardActionRequest): Promise<string | undefined> {
  const carried = request.data.notificationId;
  if (typeof carried === 'string' && carried.length > 0) return carried;
  if (!request.activityId) return undefined;
  return deps.responses.cards.notificationOfActivity(request.tenantId, request.userId, request.activityId);
}
