import type { Recipient } from '../recipients/recipient';
import type { Store } from '../store/store';
import { describeFailure } from '../delivery/failure-reasons';
import type { UserResponse } from '../responses/response-store';

/** `card_change`: `updated` or `recalled` once an edit or a recall reached this person's chat (`failed` when it could not). */
const HEADER = ['user_id', 'upn', 'display_name', 'state', 'reason', 'reason_text', 'activity_id', 'created_at', 'updated_at', 'sent_at', 'card_change', 'card_change_reason'];
/**
 * Per-person reach (issue 14): when a read receipt first covered the card (empty: not seen, or not known), when the
 * person acknowledged it, and the poll options they chose as text. Left out when the reader may see reach only
 * in aggregate (core/reach/reach-privacy.ts).
 */
const REACH_HEADER = ['seen_at', 'acknowledged_at', 'answer'];

/**
 * What a spreadsheet may read as the start of a formula (OWASP, "CSV Injection"): = + - @, a tab, a carriage
 * return, and their full-width forms (＝ ＋ － ＠), which some spreadsheets fold to the ASCII ones. Spaces before
 * them do not help: Excel and LibreOffice skip leading blanks before evaluating.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * RFC 4180 field: quoted when it holds a comma, quote or line break. A field a spreadsheet could run as a formula
 * gets a leading apostrophe (OWASP's advice), which spreadsheets show as text and do not evaluate.
 */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
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
    recipient.followupStatus ?? '',
    recipient.followupReason ? describeFailure(recipient.followupReason) : '',
  ]
    .map(csvField)
    .join(',');
}

/** The poll options a person chose, as text ("Yes; Maybe"); null when they have not answered. */
export function answerText(choices: number[] | null | undefined, options: readonly string[] | undefined): string | null {
  if (!choices) return null;
  return choices.map((index) => options?.[index] ?? `option ${index + 1}`).join('; ');
}

function reachCsvFields(recipient: Recipient, response: UserResponse | undefined, options: readonly string[] | undefined): string[] {
  return [iso(recipient.seenAt ?? null), iso(response?.acknowledgedAt ?? null), answerText(response?.choices, options) ?? ''].map(csvField);
}

export interface CsvOptions {
  pageSize?: number;
  /** Per-person reach columns (seen_at, acknowledged_at, answer); false when the reader sees reach in aggregate only. */
  reach?: boolean;
  /** The poll's options, to write each answer as text. */
  pollOptions?: readonly string[];
}

/** The per-recipient report as CSV lines, a page at a time (memory stays flat for any audience size). */
export async function* recipientsCsv(store: Store, notificationId: string, options: CsvOptions = {}): AsyncIterable<string> {
  const { pageSize = 1000, reach = false, pollOptions } = options;
  yield `${(reach ? [...HEADER, ...REACH_HEADER] : HEADER).join(',')}\r\n`;
  let after = 0;
  for (;;) {
    const page = await store.recipients.page(notificationId, after, pageSize);
    if (page.length === 0) return;
    const responses = reach ? await store.responses.cards.responsesOf(notificationId, page.map((recipient) => recipient.userId)) : undefined;
    yield page
      .map((recipient) => {
        const line = recipientCsvLine(recipient);
        return responses ? `${line},${reachCsvFields(recipient, responses.get(recipient.userId), pollOptions).join(',')}\r\n` : `${line}\r\n`;
      })
      .join('');
    after = page[page.length - 1]!.id;
  }
}
