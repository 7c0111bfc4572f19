import { CARD_VERBS } from '../cards/card-template';

/**
 * A link that opens one message of a chat in Teams (the documented deep link to a chat message). Reminders point
 * at the original card with it.
 */
export function messageLink(chatId: string, messageId: string): string {
  const context = encodeURIComponent(JSON.stringify({ contextType: 'chat' }));
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(chatId)}/${encodeURIComponent(messageId)}?context=${context}`;
}

/** Adaptive Cards' DATE/TIME accept RFC 3339 without milliseconds; each reader sees their own time zone. */
function when(ms: number): string {
  const iso = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `{{DATE(${iso}, SHORT)}} {{TIME(${iso})}}`;
}

/**
 * The short card of one reminder, in the same chat as the original: what it is about, the deadline if any, a link
 * to the original card, and an Acknowledge button (the notification's own verb, so it is recorded like one on the
 * original). `round` of `times` is shown so a person can tell a second reminder from a repeat.
 */
export function reminderCard(input: {
  notificationId: string;
  title: string;
  acknowledgeBy: number | null;
  round: number;
  times: number;
  link: string | null;
  acknowledge: boolean;
}): Record<string, unknown> {
  const body: Array<Record<string, unknown>> = [
    { type: 'TextBlock', text: input.times > 1 ? `Reminder ${input.round} of ${input.times}` : 'Reminder', size: 'Small', isSubtle: true, wrap: true },
    { type: 'TextBlock', text: input.title, weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: input.acknowledge ? 'You have not acknowledged this announcement yet.' : 'You have not opened this announcement yet.', wrap: true },
  ];
  if (input.acknowledgeBy !== null) body.push({ type: 'TextBlock', text: `Please acknowledge by ${when(input.acknowledgeBy)}.`, color: 'Attention', wrap: true });
  const actions: Array<Record<string, unknown>> = [];
  if (input.link) actions.push({ type: 'Action.OpenUrl', title: 'Open the announcement', url: input.link });
  if (input.acknowledge) {
    actions.push({
      type: 'Action.Execute',
      title: 'Acknowledge',
      verb: CARD_VERBS.acknowledge,
      style: 'positive',
      data: { notificationId: input.notificationId },
      associatedInputs: 'none',
      fallback: { type: 'Action.Submit', title: 'Acknowledge', data: { verb: CARD_VERBS.acknowledge, notificationId: input.notificationId } },
    });
  }
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, ...(actions.length ? { actions } : {}) };
}

/** How many names a summary card lists; the rest are counted (the full list is the report's export). */
export const SUMMARY_NAMES = 50;

/** The deadline summary to the sender (or, with `forManager`, to one manager about their own people). */
export function summaryCard(input: {
  title: string;
  acknowledgeBy: number;
  total: number;
  acknowledged: number;
  names: string[];
  /** The people not listed by name (past SUMMARY_NAMES). */
  more: number;
  forManager?: boolean;
}): Record<string, unknown> {
  const missing = input.names.length + input.more;
  const body: Array<Record<string, unknown>> = [
    { type: 'TextBlock', text: input.forManager ? 'Announcement not acknowledged by your team' : 'Acknowledgement deadline reached', size: 'Small', isSubtle: true, wrap: true },
    { type: 'TextBlock', text: input.title, weight: 'Bolder', size: 'Medium', wrap: true },
    {
      type: 'TextBlock',
      text: input.forManager
        ? `The deadline was ${when(input.acknowledgeBy)}. These people who report to you have not acknowledged it:`
        : missing === 0
          ? `The deadline was ${when(input.acknowledgeBy)}. Everyone acknowledged it (${input.acknowledged} of ${input.total}).`
          : `The deadline was ${when(input.acknowledgeBy)}. ${input.acknowledged} of ${input.total} acknowledged; ${missing} did not:`,
      wrap: true,
    },
  ];
  if (input.names.length > 0) body.push({ type: 'TextBlock', text: input.names.map((name) => `- ${name}`).join('\n'), wrap: true });
  if (input.more > 0) body.push({ type: 'TextBlock', text: `…and ${input.more} more (the report's export lists everyone).`, isSubtle: true, wrap: true });
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body };
}

/** A card given whole (a card file) as it reads once expired: its body, a line saying so, and no buttons. */
export function expiredRawCard(card: Record<string, unknown>, expiredAt: number): Record<string, unknown> {
  const body = Array.isArray(card.body) ? [...(card.body as unknown[])] : [];
  body.push({ type: 'TextBlock', text: `This announcement expired on ${when(expiredAt)}.`, isSubtle: true, weight: 'Bolder', wrap: true });
  const { actions: _actions, refresh: _refresh, ...rest } = card;
  return { ...rest, body };
}
