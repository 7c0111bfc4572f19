import type { CardContent } from '../cards/card-content';
import { buildCard, CARD_VERBS } from '../cards/card-template';
import type { UserResponse } from './response-store';

/**
 * The card as one person sees it after acting on it. Herald's own cards are rebuilt from what the author wrote
 * (with the person's answer and, when the author allows, the aggregate results); a raw Adaptive Card (sent from
 * the command line) keeps its body, loses the button that was used, and gains a line saying what was recorded.
 */
export function cardForUser(input: {
  notificationId: string;
  content: CardContent | undefined;
  rawCard: Record<string, unknown>;
  response: UserResponse | undefined;
  results?: { counts: number[]; total: number };
  /** The follow-up plan's deadline, shown until the person acknowledges. */
  acknowledgeBy?: number | null;
}): Record<string, unknown> {
  const { content, response } = input;
  const state = {
    ...(response?.acknowledgedAt != null ? { acknowledgedAt: new Date(response.acknowledgedAt).toISOString() } : {}),
    ...(response?.choices ? { choices: response.choices } : {}),
  };
  if (content) return buildCard(content, { notificationId: input.notificationId, state, results: input.results, acknowledgeBy: input.acknowledgeBy });
  return annotatedRawCard(input.rawCard, response);
}

function annotatedRawCard(card: Record<string, unknown>, response: UserResponse | undefined): Record<string, unknown> {
  const acknowledged = response?.acknowledgedAt != null;
  const body = Array.isArray(card.body) ? [...(card.body as unknown[])] : [];
  if (response?.choices) body.push({ type: 'TextBlock', text: 'Your answer was recorded ✓', color: 'Good', wrap: true });
  if (acknowledged) body.push({ type: 'TextBlock', text: 'Acknowledged ✓', color: 'Good', weight: 'Bolder', wrap: true });
  const actions = Array.isArray(card.actions)
    ? (card.actions as Array<Record<string, unknown>>).filter((action) => !(acknowledged && action.verb === CARD_VERBS.acknowledge))
    : undefined;
  const annotated: Record<string, unknown> = { ...card, body };
  if (actions) annotated.actions = actions;
  if (Array.isArray(annotated.actions) && annotated.actions.length === 0) delete annotated.actions;
  return annotated;
}

/**
 * Reads the poll answer an `Action.Execute` or `Action.Submit` carries: `Input.ChoiceSet` sends the chosen
 * values as one comma-separated string ("0,2"); arrays and numbers are accepted too.
 */
export function parseChoices(raw: unknown): number[] | undefined {
  const parts = Array.isArray(raw) ? raw.map(String) : typeof raw === 'number' ? [String(raw)] : typeof raw === 'string' ? raw.split(',') : undefined;
  if (!parts) return undefined;
  const indexes = parts.map((part) => part.trim()).filter(Boolean);
  if (indexes.length === 0 || indexes.some((part) => !/^\d+$/.test(part))) return undefined;
  return [...new Set(indexes.map(Number))].sort((a, b) => a - b);
}
