import { z } from 'zod';
import type { EmulatorContext } from '../context';
import type { Conversation, StoredActivity } from '../tenant/state';
import { sendToBot, userActivityBase } from '../teams/bot-client';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export const InvokeRequest = z.object({
  userId: z.string().min(1),
  /** The message whose card was acted on. */
  activityId: z.string().min(1),
  action: z.object({ id: z.string().optional(), verb: z.string().optional(), data: z.record(z.unknown()).optional() }),
  trigger: z.enum(['manual', 'automatic']).default('manual'),
});
export type InvokeRequest = z.infer<typeof InvokeRequest>;

/** The bot's answer to an `adaptiveCard/action` invoke, as Teams interprets it (Universal Actions response format). */
const InvokeAnswer = z.object({ statusCode: z.number(), type: z.string(), value: z.unknown() }).passthrough();

export type InvokeOutcome =
  | { kind: 'card'; card: Record<string, unknown>; replaced: boolean }
  | { kind: 'message'; text: string }
  | { kind: 'error'; message: string; status: number };

/**
 * Sends the invoke Teams sends when a user clicks `Action.Execute` (or when a card with `refresh` is shown),
 * and interprets the answer. A card from a manual click replaces the card in the stored message; an automatic
 * refresh only gives the user a view of their own, as in Teams.
 */
export async function invokeCardAction(ctx: EmulatorContext, conversation: Conversation, stored: StoredActivity, request: InvokeRequest): Promise<InvokeOutcome> {
  const invoke = {
    ...userActivityBase(ctx, conversation, request.userId),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: stored.id,
    value: {
      action: { type: 'Action.Execute', id: request.action.id, verb: request.action.verb, data: request.action.data ?? {} },
      trigger: request.trigger,
    },
  };
  let answer: { status: number; body: unknown };
  try {
    answer = await sendToBot(ctx, invoke);
  } catch (error) {
    return { kind: 'error', status: 502, message: `The bot could not be reached: ${(error as Error).message}` };
  }
  const outcome = interpret(answer);
  if (outcome.kind === 'card' && request.trigger === 'manual') replaceCard(stored, outcome.card);
  return outcome.kind === 'card' ? { ...outcome, replaced: request.trigger === 'manual' } : outcome;
}

function interpret(answer: { status: number; body: unknown }): InvokeOutcome {
  if (answer.status < 200 || answer.status >= 300) return { kind: 'error', status: answer.status, message: `The bot answered HTTP ${answer.status}${detail(answer.body)}` };
  const parsed = InvokeAnswer.safeParse(answer.body);
  if (!parsed.success) return { kind: 'error', status: 502, message: 'The bot answered without an invoke response (statusCode, type, value)' };
  const { statusCode, type, value } = parsed.data;
  if (statusCode === 200 && type === ADAPTIVE_CARD && isObject(value)) return { kind: 'card', card: value, replaced: false };
  if (statusCode === 200 && type === 'application/vnd.microsoft.activity.message') return { kind: 'message', text: String(value ?? '') };
  return { kind: 'error', status: statusCode, message: `The bot answered ${statusCode}${detail(value)}` };
}

function detail(body: unknown): string {
  const message = isObject(body) ? (body.message ?? (isObject(body.error) ? body.error.message : undefined)) : undefined;
  return typeof message === 'string' ? `: ${message}` : '';
}

/** Puts the new card in place of the first Adaptive Card attachment of the stored message. */
function replaceCard(stored: StoredActivity, card: Record<string, unknown>): void {
  const attachments = Array.isArray(stored.activity.attachments) ? (stored.activity.attachments as Array<Record<string, unknown>>) : [];
  const index = attachments.findIndex((attachment) => attachment.contentType === ADAPTIVE_CARD);
  const replacement = { contentType: ADAPTIVE_CARD, content: card };
  stored.activity.attachments = index === -1 ? [...attachments, replacement] : attachments.map((attachment, i) => (i === index ? replacement : attachment));
  stored.updatedAt = new Date().toISOString();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
