import { cardActivity, MAX_ACTIVITY_BYTES } from '../../../api/contract/cards';
import type { AdaptiveCard } from '../../../api/contract/cards';

const encoder = new TextEncoder();

/** Bytes left before Teams refuses the message (negative when over): the limit minus the activity's JSON size. */
export function remainingBytes(card: Record<string, unknown>): number {
  const activity = cardActivity(card as AdaptiveCard);
  return MAX_ACTIVITY_BYTES - encoder.encode(JSON.stringify(activity)).length;
}
