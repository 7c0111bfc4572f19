import type { FollowUpPlan } from './followup-plan';

/** Where a notification's follow-ups stand: each step is claimed here (a conditional move) before it happens. */
export interface FollowUpProgress {
  /** Reminder rounds finished (every due person claimed and answered, or interrupted by a crash). */
  roundsDone: number;
  lastRoundAt: number | null;
  /** When the deadline summary was claimed (it goes out at most once). */
  summaryAt: number | null;
  /** When expiry was claimed (cards updated or recalled at most once). */
  expiredAt: number | null;
}

export const NO_PROGRESS: FollowUpProgress = { roundsDone: 0, lastRoundAt: null, summaryAt: null, expiredAt: null };

export interface FollowUpRecord {
  notificationId: string;
  tenantId: string;
  plan: FollowUpPlan;
  progress: FollowUpProgress;
  /** When the runner should look at it next; null when nothing is left to do. */
  nextAt: number | null;
}

/** A person a reminder round was claimed for: their row in `followup_rounds` is written before any call. */
export interface ReminderTarget {
  recipientId: number;
  userId: string;
  conversationId: string;
  serviceUrl: string;
  activityId: string | null;
}

/** What became of one person's reminder. `skipped`: they acknowledged between the claim and the call. */
export interface ReminderOutcome {
  recipientId: number;
  round: number;
  status: 'sent' | 'failed' | 'skipped';
  reason: string | null;
  activityId: string | null;
  /** The activity-feed reminder: sent, failed (with why) or not asked. */
  feed: 'sent' | 'failed' | null;
}

/** Counts of one round's rows by state; `claimed` rows of a finished round were interrupted by a crash (never re-sent). */
export type RoundCounts = Record<'claimed' | 'sent' | 'failed' | 'skipped', number> & { feedSent: number; feedFailed: number };

/** A recipient who has not acknowledged, for the deadline summary. */
export interface Straggler {
  recipientId: number;
  userId: string;
  upn: string;
  displayName: string;
}

export interface FollowUpStore {
  /** Sets (or, with null, removes) the plan; progress already made is kept, so no step is taken twice. */
  setPlan(notificationId: string, plan: FollowUpPlan | null, nextAt: number | null, now: number): Promise<void>;
  get(notificationId: string): Promise<FollowUpRecord | undefined>;
  /** Plans whose next step is due, oldest first. */
  due(now: number, limit: number): Promise<FollowUpRecord[]>;
  /** Moves progress from `from` to `to` only if it still is `from` (two servers never both take a step). */
  advance(notificationId: string, from: FollowUpProgress, to: FollowUpProgress, nextAt: number | null): Promise<boolean>;
  /** Only the next look (a step is not due yet, or the notification is not sent yet). */
  reschedule(notificationId: string, nextAt: number | null): Promise<void>;
  /**
   * Atomically claims up to `limit` people for reminder round `round`: sent recipients with a chat who have not
   * acknowledged (and, for `unseen`, whose `seen_at` is null) and have no row for this round yet. Their rows are
   * written `claimed` in the same statement, so no one is claimed twice for a round, by any server, ever.
   */
  claimReminders(notificationId: string, round: number, to: 'unacknowledged' | 'unseen', limit: number, now: number): Promise<ReminderTarget[]>;
  /** Writes a batch of outcomes (one transaction). */
  finishReminders(outcomes: ReminderOutcome[], now: number): Promise<void>;
  /** Which of `userIds` have acknowledged by now (checked again just before the calls). */
  acknowledgedAmong(notificationId: string, userIds: string[]): Promise<Set<string>>;
  roundCounts(notificationId: string, round: number): Promise<RoundCounts>;
  /** Sent recipients without an acknowledgement, by id after `afterId`. */
  stragglers(notificationId: string, afterId: number, limit: number): Promise<Straggler[]>;
}
