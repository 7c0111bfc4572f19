import { z } from 'zod';

/**
 * A count of people in reach figures; `null` when the tenant shows reach in aggregate only and the count is under
 * the smallest group shown (`hiddenBelow`, 5): the tab says "fewer than 5".
 */
export const reachCountSchema = z.number().int().nullable();

/** `?reach=` of the recipient pages: who has not seen the card (receipts known to be on), who has not acknowledged it. */
export const reachFilterSchema = z.enum(['not-seen', 'not-acknowledged']);

/**
 * The report's funnel: delivered → seen → acknowledged (or answered, for a poll). Of the delivered, `notSeen` sent
 * Herald read receipts before but none covers this card yet; `unknown` never sent Herald a receipt (theirs are off,
 * by themselves or the tenant's policy, or they have not opened the chat since): whether they read it is not known.
 */
export const reachFunnelSchema = z.object({
  delivered: reachCountSchema,
  seen: reachCountSchema,
  notSeen: reachCountSchema,
  unknown: reachCountSchema,
  acknowledged: reachCountSchema,
  /** People who answered the poll; absent when the card has none. */
  answered: reachCountSchema.optional(),
  /** Counts under this are shown as "fewer than" it (null: every count is shown). */
  hiddenBelow: z.number().int().nullable(),
});

/** One point of the reach chart: how many had seen and acknowledged by `at` (cumulative). */
export const reachPointSchema = z.object({
  at: z.string(),
  seen: reachCountSchema,
  acknowledged: reachCountSchema,
});

/** `GET /api/notifications/:id/reach-timeline`: cumulative seen and acknowledged since sending, one point per bucket. */
export const reachTimelineSchema = z.object({
  notificationId: z.string(),
  /** When delivery started; null before sending (no points). */
  since: z.string().nullable(),
  bucketSeconds: z.number().int().positive(),
  points: z.array(reachPointSchema),
  hiddenBelow: z.number().int().nullable(),
});

export type ReachCount = z.infer<typeof reachCountSchema>;
export type ReachFilter = z.infer<typeof reachFilterSchema>;
export type ReachFunnel = z.infer<typeof reachFunnelSchema>;
export type ReachPoint = z.infer<typeof reachPointSchema>;
export type ReachTimeline = z.infer<typeof reachTimelineSchema>;
