import { z } from 'zod';
import { cardContentSchema } from '../../core/cards/card-content';
import { audienceSchema } from './audience';

export const notificationStatusSchema = z.enum(['draft', 'scheduled', 'resolving', 'sending', 'completed', 'cancelled', 'failed']);
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
  createdBy: z.string(),
  scheduledAt: z.string().nullable(),
  timeZone: z.string(),
  sentAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  total: z.number().int(),
  counts: countsSchema,
});

export const notificationSchema = notificationSummarySchema.extend({
  content: cardContentSchema,
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
});

export type NotificationStatus = z.infer<typeof notificationStatusSchema>;
export type RecipientState = z.infer<typeof recipientStateSchema>;
export type DraftInput = z.infer<typeof draftInputSchema>;
export type SendInput = z.infer<typeof sendInputSchema>;
export type NotificationSummary = z.infer<typeof notificationSummarySchema>;
export type NotificationView = z.infer<typeof notificationSchema>;
export type RecipientRow = z.infer<typeof recipientRowSchema>;
export type Report = z.infer<typeof reportSchema>;
