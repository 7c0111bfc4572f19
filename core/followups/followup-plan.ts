import { z } from 'zod';
import { HeraldError } from '../errors/herald-error';

/** At most this many reminder rounds: more is nagging, and each round is a Connector call per person. */
export const MAX_REMINDER_ROUNDS = 10;
/** Reminders at most every this many hours: closer ones crowd the chat (and Teams' per-chat limits). */
export const MIN_REMINDER_HOURS = 0.25;

/**
 * What a sender can add to a notification after (or while) writing it:
 * - `acknowledgeBy`: the deadline shown on the card; at that moment the sender gets a summary of who has not
 *   acknowledged (and, where the tenant allows it, so does each one's manager);
 * - `reminders`: to those who have not acknowledged (or not seen) it, every `everyHours` after it was sent, at most
 *   `times` rounds, in the same chat (and, where the tenant allows it, in their activity feed too);
 * - `expiresAt`: from then on its cards say so and lose their buttons (`update`) or are deleted (`recall`), and
 *   answers are refused politely.
 * Times are epoch milliseconds (UTC).
 */
export interface FollowUpPlan {
  acknowledgeBy: number | null;
  reminders: { everyHours: number; times: number; to: 'unacknowledged' | 'unseen'; activityFeed: boolean } | null;
  expiresAt: number | null;
  onExpiry: 'update' | 'recall';
}

/** The plan as the API and the command line give it (zod at the edge); `validatePlan` adds the checks that need "now". */
export const followUpPlanSchema = z
  .object({
    acknowledgeBy: z.number().int().positive().nullable().default(null),
    reminders: z
      .object({
        everyHours: z.number({ invalid_type_error: 'Give the hours between reminders as a number.' }),
        times: z.number({ invalid_type_error: 'Give how many reminders as a whole number.' }).int('Give how many reminders as a whole number.'),
        to: z.enum(['unacknowledged', 'unseen']).default('unacknowledged'),
        activityFeed: z.boolean().default(false),
      })
      .strict()
      .nullable()
      .default(null),
    expiresAt: z.number().int().positive().nullable().default(null),
    onExpiry: z.enum(['update', 'recall']).default('update'),
  })
  .strict();

export type FollowUpPlanInput = z.input<typeof followUpPlanSchema>;

/**
 * Parses and checks a plan: a sentence for the first problem, and every problem by field in `details.fields`
 * (the tab puts each under its input). Refuses K = 0 (or above the maximum), N ≤ 0, a deadline or an expiry in
 * the past, and a deadline after the expiry (nobody could acknowledge in between).
 */
export function validatePlan(input: unknown, now: number): FollowUpPlan {
  const parsed = followUpPlanSchema.safeParse(input);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.') || 'plan', issue.message]));
    const first = parsed.error.issues[0]!;
    throw new HeraldError('validation_failed', `The follow-up plan is not valid: ${first.path.join('.') || 'plan'}: ${first.message}`, { details: { fields } });
  }
  const plan = parsed.data;
  const fields: Record<string, string> = {};
  if (plan.reminders) {
    if (plan.reminders.times < 1) fields['reminders.times'] = 'Send at least one reminder, or turn reminders off.';
    else if (plan.reminders.times > MAX_REMINDER_ROUNDS) fields['reminders.times'] = `Send at most ${MAX_REMINDER_ROUNDS} reminders.`;
    if (!(plan.reminders.everyHours > 0)) fields['reminders.everyHours'] = 'Remind after a positive number of hours.';
    else if (plan.reminders.everyHours < MIN_REMINDER_HOURS) fields['reminders.everyHours'] = `Remind at most every ${MIN_REMINDER_HOURS * 60} minutes.`;
  }
  if (plan.acknowledgeBy !== null && plan.acknowledgeBy <= now) fields.acknowledgeBy = 'The deadline has passed: choose a time in the future.';
  if (plan.expiresAt !== null && plan.expiresAt <= now) fields.expiresAt = 'The expiry has passed: choose a time in the future.';
  if (plan.acknowledgeBy !== null && plan.expiresAt !== null && plan.acknowledgeBy > plan.expiresAt && !fields.acknowledgeBy) {
    fields.acknowledgeBy = 'The deadline is after the expiry: nobody could acknowledge in between.';
  }
  const problems = Object.entries(fields);
  if (problems.length > 0) {
    throw new HeraldError('validation_failed', `The follow-up plan is not valid: ${problems[0]![1]}`, { details: { fields } });
  }
  return plan as FollowUpPlan;
}

/** When reminder round `round` (1-based) is due: `everyHours` after sending, and as long again after each round. */
export function roundDueAt(plan: FollowUpPlan, sentAt: number, round: number, previousRoundAt: number | null): number {
  const every = (plan.reminders?.everyHours ?? 0) * 3_600_000;
  const scheduled = sentAt + round * every;
  // A plan added late (or a round delayed by downtime) never sends two rounds back to back.
  return previousRoundAt === null ? scheduled : Math.max(scheduled, previousRoundAt + every);
}
