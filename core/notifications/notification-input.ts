import { z } from 'zod';
import { audienceSpecSchema } from '../audience/audience-spec';

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
  title: z.string().trim().min(1, 'a title is required').max(200),
  card: z.unknown(),
  audience: audienceSpecSchema,
  createdBy: z.string().min(1),
  scheduledAt: instant.optional(),
  timeZone: z.string().refine(isTimeZone, 'not an IANA time zone (for example Europe/Paris)').optional(),
});

export type NotificationInput = z.input<typeof notificationInputSchema>;
