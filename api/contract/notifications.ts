import { z } from 'zod';
import { cardContentSchema } from '../../core/cards/card-content';
import { audienceSchema } from './audience';
import { reachFunnelSchema } from './reach';

/** Failure reasons a resend would meet again: the tab says how many a resend can still reach. */
export { RESEND_NEVER_HELPS } from '../../core/notifications/notification-actions';

/** `recalled`: every delivered card was deleted from the recipients' chats; nothing more can be done but delete. */
export const notificationStatusSchema = z.enum(['draft', 'scheduled', 'resolving', 'sending', 'completed', 'cancelled', 'failed', 'recalled']);
/** Where a notification was written: the admin tab, the command line, a team's compose box, a survey, the API. */
export const notificationOriginSchema = z.enum(['tab', 'cli', 'compose', 'survey', 'api']);
/**
 * What the caller may do to a notification now (its state and their authority both decide): the tab offers exactly
 * these, and the API refuses the others with a sentence.
 */
export const notificationActionSchema = z.enum(['update', 'send', 'cancel', 'resendFailed', 'edit', 'recall', 'delete', 'duplicate']);
export const recipientStateSchema = z.enum(['pending', 'installing', 'ready', 'sending', 'sent', 'failed', 'cancelled']);

/** The body of `POST /api/notifications` and `PUT /api/notifications/:id` (drafts only). */
export const draftInputSchema = z.object({
  content: cardContentSchema,
  audience: audienceSchema.optional(),
});

/** `POST /api/notifications/:id/send`: now, or at a UTC time shown in the author's time zone. */
export const sendInputSchema = z.object({
  scheduledAt: z.string().datetime({ offset: true }).optional(),
  timeZone: z.string().min(1).default('UTC'),
});

export const countsSchema = z.record(recipientStateSchema, z.number().int());

export const notificationSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: notificationStatusSchema,
  createdAt: z.string(),
  /** The owner's UPN at the time of writing (kept for older tabs; `owner` is the whole identity). */
  createdBy: z.string(),
  owner: z.object({ id: z.string(), upn: z.string() }),
  origin: notificationOriginSchema,
  scheduledAt: z.string().nullable(),
  timeZone: z.string(),
  sentAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** The last time the sent card was edited in recipients' chats, and when it was recalled; null when never. */
  editedAt: z.string().nullable(),
  recalledAt: z.string().nullable(),
  total: z.number().int(),
  counts: countsSchema,
  actions: z.array(notificationActionSchema),
});

export const notificationSchema = notificationSummarySchema.extend({
  /** What the author wrote as fields; null for a notification sent as a whole card file (the command line). */
  content: cardContentSchema.nullable(),
  /** The Adaptive Card recipients get (the tab previews it when there is no `content`). */
  card: z.record(z.string(), z.unknown()).optional(),
  audience: audienceSchema.nullable(),
});

/** One row of the per-recipient report. */
export const recipientRowSchema = z.object({
  userId: z.string(),
  upn: z.string(),
  displayName: z.string(),
  state: recipientStateSchema,
  reason: z.string().nullable(),
  reasonText: z.string().nullable(),
  activityId: z.string().nullable(),
  updatedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  choices: z.array(z.number().int()).nullable(),
  /** The first time a read receipt covered this person's card; null: not seen, or not known (see the funnel). */
  seenAt: z.string().nullable().optional(),
  /** The poll options this person chose, as text (`choices` are their indexes). */
  answer: z.string().nullable().optional(),
});

/**
 * `GET /api/notifications/:id/recipients`. `perPersonReach` is false when the tenant shows reach in aggregate only
 * and the caller is not an administrator: `seenAt`, `acknowledgedAt`, `choices` and `answer` are then null.
 */
export const recipientPageSchema = z.object({
  value: z.array(recipientRowSchema),
  next: z.string().nullable(),
  perPersonReach: z.boolean().optional(),
});

/** `GET /api/notifications/:id/report` and each `progress` server-sent event. */
export const reportSchema = z.object({
  notificationId: z.string(),
  status: notificationStatusSchema,
  total: z.number().int(),
  counts: countsSchema,
  reasons: z.record(z.string(), z.number().int()),
  acknowledged: z.number().int(),
  poll: z.object({ options: z.array(z.string()), counts: z.array(z.number().int()), total: z.number().int() }).nullable(),
  /** Sends per second over the last few seconds, and the estimate of what is left. */
  ratePerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  /** When a scheduled notification will start; the tab says so instead of an empty table. */
  scheduledAt: z.string().nullable().optional(),
  /** What the caller may do now; sent with every progress event so buttons follow the work live. */
  actions: z.array(notificationActionSchema).optional(),
  /** Delivered → seen → acknowledged/answered, and how many are not known (issue 14); absent before sending. */
  reach: reachFunnelSchema.optional(),
});

export type NotificationStatus = z.infer<typeof notificationStatusSchema>;
export type NotificationOrigin = z.infer<typeof notificationOriginSchema>;
export type NotificationAction = z.infer<typeof notificationActionSchema>;
export type RecipientState = z.infer<typeof recipientStateSchema>;
export type DraftInput = z.infer<typeof draftInputSchema>;
export type SendInput = z.infer<typeof sendInputSchema>;
export type NotificationSummary = z.infer<typeof notificationSummarySchema>;
export type NotificationView = z.infer<typeof notificationSchema>;
export type RecipientRow = z.infer<typeof recipientRowSchema>;
export type RecipientPage = z.infer<typeof recipientPageSchema>;
export type Report = z.infer<typeof reportSchema>;

/**
 * A follow-up plan as the API takes it (`PUT /api/notifications/{id}/follow-ups`): times as ISO 8601 instants.
 * Core checks what needs "now" (a deadline or expiry in the past) and answers 400 with a sentence and the fields.
 */
export const followUpPlanInputSchema = z
  .object({
    acknowledgeBy: z.string().datetime({ offset: true }).nullable().default(null),
    reminders: z
      .object({ everyHours: z.number(), times: z.number().int(), to: z.enum(['unacknowledged', 'unseen']).default('unacknowledged'), activityFeed: z.boolean().default(false) })
      .strict()
      .nullable()
      .default(null),
    expiresAt: z.string().datetime({ offset: true }).nullable().default(null),
    onExpiry: z.enum(['update', 'recall']).default('update'),
  })
  .strict()
  .transform((plan) => ({
    ...plan,
    acknowledgeBy: plan.acknowledgeBy === null ? null : Date.parse(plan.acknowledgeBy),
    expiresAt: plan.expiresAt === null ? null : Date.parse(plan.expiresAt),
  }));

/** `GET/PUT/DELETE /api/notifications/{id}/follow-ups` answer: the plan, where it stands, each round's counts. */
export interface FollowUpViewBody {
  plan: { acknowledgeBy: string | null; reminders: { everyHours: number; times: number; to: 'unacknowledged' | 'unseen'; activityFeed: boolean } | null; expiresAt: string | null; onExpiry: 'update' | 'recall' } | null;
  roundsDone: number;
  summarySentAt: string | null;
  expiredAt: string | null;
  nextAt: string | null;
  rounds: Array<{ round: number; sent: number; failed: number; skipped: number; interrupted: number; feedSent: number; feedFailed: number }>;
}

const iso = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

export function followUpViewOf(view: import('../../core/followups/followup-service').FollowUpView): FollowUpViewBody {
  return {
    plan: view.plan ? { ...view.plan, acknowledgeBy: iso(view.plan.acknowledgeBy), expiresAt: iso(view.plan.expiresAt) } : null,
    roundsDone: view.progress?.roundsDone ?? 0,
    summarySentAt: iso(view.progress?.summaryAt),
    expiredAt: iso(view.progress?.expiredAt),
    nextAt: iso(view.nextAt),
    rounds: view.rounds.map((round) => ({ round: round.round, sent: round.sent, failed: round.failed, skipped: round.skipped, interrupted: round.claimed, feedSent: round.feedSent, feedFailed: round.feedFailed })),
  };
}

/** The follow-ups answer as the tab checks it. */
export const followUpViewSchema: z.ZodType<FollowUpViewBody> = z.object({
  plan: z
    .object({
      acknowledgeBy: z.string().nullable(),
      reminders: z.object({ everyHours: z.number(), times: z.number(), to: z.enum(['unacknowledged', 'unseen']), activityFeed: z.boolean() }).nullable(),
      expiresAt: z.string().nullable(),
      onExpiry: z.enum(['update', 'recall']),
    })
    .nullable(),
  roundsDone: z.number(),
  summarySentAt: z.string().nullable(),
  expiredAt: z.string().nullable(),
  nextAt: z.string().nullable(),
  rounds: z.array(z.object({ round: z.number(), sent: z.number(), failed: z.number(), skipped: z.number(), interrupted: z.number(), feedSent: z.number(), feedFailed: z.number() })),
});

/** What the tab sends: the plan with ISO instants (`followUpPlanInputSchema` is the server's reading of it). */
export type FollowUpPlanInput = z.input<typeof followUpPlanInputSchema>;
