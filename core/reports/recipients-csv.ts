import type { Recipient } from '../recipients/recipient';
import type { Store } from '../store/store';
import { describeFailure } from '../delivery/failure-reasons';

const HEADER = ['user_id', 'upn', 'display_name', 'state', 'reason', 'reason_text', 'activity_id', 'created_at', 'updated_at', 'sent_at'];

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading =+-@ is neutralised for spreadsheets. */
export function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function iso(value: number | null): string {
  return value === null ? '' : new Date(value).toISOString();
}

export function recipientCsvLine(recipient: Recipient): string {
  return [
    recipient.userId,
    recipient.upn,
    recipient.displayName,
    recipient.state,
    recipient.reason ?? '',
    recipient.reason ? describeFailure(recipient.reason) : '',
    recipient.activityId ?? '',
    iso(recipient.createdAt),
    iso(recipient.updatedAt),
    iso(recipient.sentAt),
  ]
    .map(csvField)
    .join(',');
}

/** The per-recipient report as CSV lines, a page at a time (memory stays flat for any audience size). */
export async function* recipientsCsv(store: Store, notificationId: string, pageSize = 1000): AsyncIterable<string> {
  yield `${HEADER.join(',')}\r\n`;
  let after = 0;
  for (;;) {
    const page = await store.recipients.page(notificationId, after, pageSize);
    if (page.length === 0) return;
    yield page.map((recipient) => `${recipientCsvLine(recipient)}\r\n`).join('');
    after = page[page.length - 1]!.id;
  }
}
