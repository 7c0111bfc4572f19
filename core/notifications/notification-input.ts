import { z } from 'zod';
import { audienceSpecSchema } from '../audience/audience-spec';
import { cardContentSchema } from '../cards/card-content';
import { surveySchema } from '../responses/survey';

/** True for an IANA time zone name the runtime knows (`Europe/Paris`, `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A UTC instant, given as epoch milliseconds or an ISO 8601 string with an offset (`2025-03-01T09:00:00+01:00`). */
const instant = z.union([z.number().int().nonnegative(), z.string().datetime({ offset: true }).transform((text) => Date.parse(text))]);

/** What an author submits; `card` is checked separately (cards/card-activity.ts) for a precise message. */
export const notificationInputSchema = z.object({
  tenantId: z.string().min(1),
  title: z.string().trim().min(1, 'Give the notification a title.').max(200),
  card: z.unknown(),
  /** Null only for a draft: sending needs an audience. */
  audience: audienceSpecSchema.nullable(),
  /** The owner's UPN (or id) when no `owner` is given. */
  createdBy: z.string().min(1),
  owner: z.object({ id: z.string().min(1), upn: z.string() }).optional(),
  origin: z.enum(['tab', 'cli', 'compose', 'survey', 'api']).optional(),
  content: cardContentSchema.nullable().optional(),
  survey: surveySchema.nullable().optional(),
  scheduledAt: instant.optional(),
  timeZone: z.string().refine(isTimeZone, 'Choose a time zone from the list (for example Europe/Paris).').optional(),
});

export type NotificationInput = z.input<typeof notificationInputSchema>;
