import { z } from 'zod';
import { audienceSourceSchema, audienceSpecSchema } from '../../core/audience/audience-spec';

/**
 * One source of recipients and the whole audience, as the tab, the command line and the engine describe them:
 * core's schema is the one schema (its `label` keeps what the author saw, for showing the audience again).
 */
export { audienceSourceSchema };
export const audienceSchema = audienceSpecSchema;

export type AudienceSource = z.infer<typeof audienceSourceSchema>;
export type Audience = z.infer<typeof audienceSchema>;

/** What the audience resolves to before sending. */
export const audiencePreviewSchema = z.object({
  recipients: z.number().int(),
  needInstall: z.number().int(),
  estimatedSeconds: z.number(),
  csvErrors: z.array(z.object({ row: z.number().int(), value: z.string(), message: z.string() })).default([]),
  /** Recipients the directory shows without a Teams licence: they will fail (`no_teams_license`), so the tab warns. */
  unlicensed: z.number().int().optional(),
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
