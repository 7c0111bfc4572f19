/** A CSV row we could not use, reported to the person who uploaded it. Rows are 1-based as in a spreadsheet. */
export interface CsvRejectedRow {
  row: number;
  value: string;
  reason: string;
}

export interface CsvRecipients {
  /** The spreadsheet row (1-based) each entry was first found on, for reporting people not in the directory. */
  rows: Map<string, number>;
  /** UPNs and object ids, in file order, de-duplicated (case-insensitive). */
  entries: string[];
  rejected: CsvRejectedRow[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UPN = /^[^\s@,;"]+@[^\s@,;"]+\.[^\s@,;"]+$/;
const HEADER = /^(upn|userprincipalname|email|mail|id|objectid|user|userid|aadobjectid)$/i;

/**
 * Reads a CSV of people: one UPN or Entra object id per row, in the first column; a header row is optional.
 * Other columns (a name, a department) are ignored. Malformed rows are reported and skipped; valid rows are kept.
 */
export function parseRecipientCsv(text: string): CsvRecipients {
  const entries: string[] = [];
  const rows = new Map<string, number>();
  const rejected: CsvRejectedRow[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((line, index) => {
    const row = index + 1;
    const value = firstCell(line);
    if (value === '') return;
    if (row === 1 && HEADER.test(value)) return;
    const reason = problemWith(value);
    if (reason) {
      rejected.push({ row, value: value.slice(0, 200), reason });
      return;
    }
    const key = value.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    entries.push(value);
    rows.set(value, row);
  });
  return { entries, rejected, rows };
}

/** The first cell, unquoted. Semicolons separate cells too: spreadsheets in many locales export them. */
function firstCell(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith('"')) {
    const end = trimmed.indexOf('"', 1);
    return end < 0 ? trimmed : trimmed.slice(1, end).trim();
  }
  const cut = trimmed.search(/[,;\t]/);
  return (cut < 0 ? trimmed : trimmed.slice(0, cut)).trim();
}

function problemWith(value: string): string | undefined {
  if (GUID.test(value) || UPN.test(value)) return undefined;
  if (value.includes('@')) return 'not a valid user principal name (expected name@domain)';
  return 'not a user principal name or an Entra object id';
}
