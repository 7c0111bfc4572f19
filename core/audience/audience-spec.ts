import { z } from 'zod';

/** 5 MB of CSV is about 150,000 UPNs: enough for any list a person uploads, small enough to hold once. */
export const MAX_CSV_CHARS = 5_000_000;

/** What the author saw when choosing a source (a name, a file name): kept for showing the audience again, never resolved. */
const label = z.string().max(300).optional();

export const audienceSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), id: z.string().min(1), label }),
  z.object({ kind: z.literal('group'), id: z.string().min(1), label }),
  z.object({ kind: z.literal('team'), id: z.string().min(1), label }),
  z.object({ kind: z.literal('everyone') }),
  /** CSV text of UPNs or object ids, one per row (a header row is optional). */
  z.object({ kind: z.literal('csv'), text: z.string().max(MAX_CSV_CHARS), label }),
]);

/** Who a notification goes to: the union of `include`, minus everyone in `exclude`. */
export const audienceSpecSchema = z.object({
  include: z.array(audienceSourceSchema).min(1, 'choose at least one audience').max(100),
  exclude: z.array(audienceSourceSchema).max(100).default([]),
  /** Guests are skipped unless asked for: they often may not receive org announcements. */
  includeGuests: z.boolean().default(false),
});

export type AudienceSource = z.infer<typeof audienceSourceSchema>;
export type AudienceSpec = z.infer<typeof audienceSpecSchema>;

/** A short label for reports and logs (never the CSV text itself). */
export function describeSource(source: AudienceSource): string {
  return source.kind === 'everyone' ? 'everyone' : source.kind === 'csv' ? 'csv' : `${source.kind}:${source.id}`;
}
