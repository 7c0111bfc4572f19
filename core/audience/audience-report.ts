import type { CsvRejectedRow } from './csv-recipients';

/** Someone named in the audience who could not be found (an unknown user id, a CSV row not in the directory). */
export interface UnresolvedEntry {
  source: string;
  value: string;
  reason: string;
  /** For a CSV entry, the spreadsheet row (1-based) it was on. */
  row?: number;
}

/** What the author sees before sending. Skip counts are per occurrence (a guest in two groups counts twice). */
export interface AudienceReport {
  recipients: number;
  /** Recipients with no known conversation: Herald installs itself for them first. */
  needInstall: number;
  excluded: number;
  skippedGuests: number;
  skippedDisabled: number;
  unresolved: UnresolvedEntry[];
  /** True when more unresolved entries existed than the report keeps. */
  unresolvedTruncated: boolean;
  csvRejected: CsvRejectedRow[];
  /** From the configured rates: installs and sends run together, so the slower of the two binds. */
  estimatedSeconds: number;
  resolvedAt: number;
}

/** Reports keep this many problem rows; the rest are counted, not listed, so a bad upload cannot bloat a row. */
export const REPORT_ROW_CAP = 1000;
