import type { AudienceSource } from '../../../../api/contract/audience';
import { strings } from '../../strings/en';

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
