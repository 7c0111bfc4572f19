import { HeraldError } from '../errors/herald-error';
import { adaptiveCardSchema, type AdaptiveCard } from './card-schema';

/**
 * The largest activity body we hand to the Connector. platform-facts.md: the Connector answers 413
 * MessageSizeTooBig above "about 28 KB per message". The adapter adds addressing (conversation, from, recipient,
 * serviceUrl: a few hundred bytes), so we stop a little below 28 KiB rather than learn the exact edge per user.
 */
export const MAX_ACTIVITY_BYTES = 28_000;

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The Bot Framework message activity that carries one Adaptive Card. */
export function cardActivity(card: AdaptiveCard, summary?: string): Record<string, unknown> {
  return {
    type: 'message',
    ...(summary ? { summary } : {}),
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
  };
}

export function activityBytes(activity: Record<string, unknown>): number {
  return Buffer.byteLength(JSON.stringify(activity), 'utf8');
}

/**
 * Validates a card and the activity built from it; throws `card_invalid` or `card_too_large` so nothing is sent
 * that Teams would refuse for every recipient.
 */
export function checkedCardActivity(input: unknown, summary?: string): { card: AdaptiveCard; activity: Record<string, unknown> } {
  const parsed = adaptiveCardSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'card'}: ${issue.message}`);
    throw new HeraldError('card_invalid', `The card is not a valid Adaptive Card: ${issues.join('; ')}`, { details: { issues } });
  }
  const activity = cardActivity(parsed.data, summary);
  const bytes = activityBytes(activity);
  if (bytes > MAX_ACTIVITY_BYTES) {
    throw new HeraldError(
      'card_too_large',
      `The card is ${Math.ceil(bytes / 1024)} KB; Teams accepts about 28 KB per message. Shorten the text or remove images embedded as data.`,
      { details: { bytes, limit: MAX_ACTIVITY_BYTES } },
    );
  }
  return { card: parsed.data, activity };
}
