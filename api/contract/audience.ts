import { z } from 'zod';

/** One source of recipients, as the tab and the command line describe it. */
export const audienceSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), id: z.string().min(1), label: z.string().optional() }),
  z.object({ kind: z.literal('group'), id: z.string().min(1), label: z.string().optional() }),
  z.object({ kind: z.literal('team'), id: z.string().min(1), label: z.string().optional() }),
  z.object({ kind: z.literal('everyone') }),
  /** CSV text of UPNs or object ids, one per row (a header row is optional). */
  z.object({ kind: z.literal('csv'), text: z.string().max(5_000_000), label: z.string().optional() }),
]);

export const audienceSchema = z.object({
  include: z.array(audienceSourceSchema).min(1, 'choose at least one recipient, group, team, CSV or everyone'),
  exclude: z.array(audienceSourceSchema).default([]),
  includeGuests: z.boolean().default(false),
});

export type AudienceSource = z.infer<typeof audienceSourceSchema>;
export type Audience = z.infer<typeof audienceSchema>;

/** What the audience resolves to before sending. */
export const audiencePreviewSchema = z.object({
  recipients: z.number().int(),
  needInstall: z.number().int(),
  estimatedSeconds: z.number(),
  csvErrors: z.array(z.object({ row: z.number().int(), value: z.string(), message: z.string() })).default([]),
});
export type AudiencePreview = z.infer<typeof audiencePreviewSchema>;

export const searchResultSchema = z.object({
  kind: z.enum(['user', 'group', 'team']),
  id: z.string(),
  displayName: z.string(),
  secondary: z.string().default(''),
  /** Where the tab can load a picture; absent when Graph has none. */
  avatarUrl: z.string().optional(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
