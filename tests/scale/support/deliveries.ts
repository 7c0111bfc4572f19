import type { Herald } from '../../../app/compose-herald';
import type { InspectClient } from '../../../bench/support/inspect-client';

export interface DeliveryCheck {
  /** Users Teams saw exactly one message for. */
  once: number;
  /** Users who got more than one (the crash bound allows a few at a SIGKILL). */
  duplicated: number;
  /** Users who should have one and got none, or recipients left unfinished. */
  lost: number;
  failedReasons: Record<string, number>;
  sends: number;
  throttledSends: number;
}

/** Compares what Teams (the emulator) received with what Herald's database says, for users that should get one. */
export async function checkDeliveries(web: Herald, inspect: InspectClient, notificationId: string, expected: string[]): Promise<DeliveryCheck> {
  const delivered = await inspect.deliveriesByUser();
  const summary = await inspect.summary();
  const check: DeliveryCheck = {
    once: 0,
    duplicated: 0,
    lost: 0,
    failedReasons: {},
    sends: summary.counters['connector.requests'] ?? 0,
    throttledSends: summary.counters['connector.429'] ?? 0,
  };
  for (const userId of expected) {
    const count = delivered.get(userId) ?? 0;
    if (count === 0) check.lost += 1;
    else if (count === 1) check.once += 1;
    else check.duplicated += 1;
  }
  for (let after = 0; ; ) {
    const page = await web.store.recipients.page(notificationId, after, 5000);
    if (page.length === 0) break;
    for (const recipient of page) {
      if (recipient.state === 'failed') check.failedReasons[recipient.reason ?? 'none'] = (check.failedReasons[recipient.reason ?? 'none'] ?? 0) + 1;
      else if (recipient.state !== 'sent') check.lost += 1;
    }
    after = page[page.length - 1]!.id;
  }
  return check;
}
