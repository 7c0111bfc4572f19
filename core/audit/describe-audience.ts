import type { AudienceSource, AudienceSpec } from '../audience/audience-spec';

/** The audience as the audit log keeps it: kinds, ids and labels, never a CSV's contents. */
export function describeAudience(audience: AudienceSpec): Record<string, unknown> {
  const describe = (source: AudienceSource): string =>
    source.kind === 'everyone' ? 'everyone' : source.kind === 'csv' ? `csv${source.label ? `:${source.label}` : ''}` : `${source.kind}:${source.label ?? source.id}`;
  return { include: audience.include.map(describe), exclude: audience.exclude.map(describe), includeGuests: audience.includeGuests };
}
