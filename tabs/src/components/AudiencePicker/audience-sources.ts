import type { AudienceSource } from '../../../../api/contract/audience';
import { strings } from '../../strings';

/** One key per source, so the same group is never chosen twice. */
export function sourceKey(source: AudienceSource): string {
  if (source.kind === 'everyone') return 'everyone';
  if (source.kind === 'csv') return `csv:${source.label ?? ''}:${source.text.length}`;
  return `${source.kind}:${source.id}`;
}

/** How a source is named to the author: its display name, the CSV's file name, or "Everyone". */
export function sourceLabel(source: AudienceSource): string {
  if (source.kind === 'everyone') return strings.audience.kinds.everyone;
  if (source.kind === 'csv') return source.label ?? strings.audience.kinds.csv;
  return source.label ?? source.id;
}

export function withSource(sources: AudienceSource[], source: AudienceSource): AudienceSource[] {
  const key = sourceKey(source);
  return sources.some((existing) => sourceKey(existing) === key) ? sources : [...sources, source];
}

export function withoutSource(sources: AudienceSource[], key: string): AudienceSource[] {
  return sources.filter((source) => sourceKey(source) !== key);
}

const HEADER = /^(upn|user ?principal ?name|e-?mail|mail|id|object ?id|user)$/i;

/** The first cell of each row, unquoted, in file order (row 1 is the first line, as a spreadsheet counts). */
export function csvCells(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).map((line) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('"')) return trimmed.slice(1, Math.max(1, trimmed.indexOf('"', 1))).trim();
    const cut = trimmed.search(/[,;\t]/);
    return (cut < 0 ? trimmed : trimmed.slice(0, cut)).trim();
  });
}

/** How many people a CSV lists: its non-empty rows, less a header row. */
export function csvRowCount(text: string): number {
  const cells = csvCells(text);
  return cells.filter((cell, index) => cell !== '' && !(index === 0 && HEADER.test(cell))).length;
}

/**
 * The spreadsheet row of a CSV value the server could not use. The server numbers rows it refused while reading
 * the file, but not people it could not find in the directory (row 0): those are found in the file by value.
 */
export function csvRowOf(sources: AudienceSource[], row: number, value: string): number {
  if (row > 0) return row;
  for (const source of sources) {
    if (source.kind !== 'csv') continue;
    const index = csvCells(source.text).findIndex((cell) => cell.toLowerCase() === value.toLowerCase());
    if (index >= 0) return index + 1;
  }
  return row;
}
