import type { Notification, NewNotification, NotificationStatus } from '../notifications/notification';
import type { ConversationRecord, NewRecipient, Recipient, RecipientState, StateCounts } from '../recipients/recipient';
import type { Outcome } from './outcomes';
import type { ResponseStore } from '../responses/response-store';
import type { AuditLog, ImageStore, ReportQueries, RoleStore } from '../admin/admin-store';
import type { FollowUpStore } from '../followups/followup-store';
import type { ReachStore } from '../reach/reach-store';

/** Everything core keeps durably. adapters/sql implements it for SQLite and PostgreSQL. */
export interface Store {
  readonly notifications: NotificationStore;
  readonly recipients: RecipientStore;
  readonly conversations: ConversationStore;
  readonly leases: LeaseStore;
  /** What recipients answered (acknowledgements, polls, surveys) and what the bot keeps (welcomes, announcements). */
  readonly responses: ResponseStore;
  /** Who may send and manage, and to which audience kinds. */
  readonly roles: RoleStore;
  /** Every action on a notification and every role change, with its actor. */
  readonly audit: AuditLog;
  /** Card images uploaded in the tab. */
  readonly images: ImageStore;
  /** The report's queries: failures by reason, recipient pages filtered by reason, deletion. */
  readonly reports: ReportQueries;
  /** Follow-up plans (deadline, reminders, expiry) and each person's reminder rounds. */
  readonly followups: FollowUpStore;
  /** Who has seen each card, from Teams read receipts (issue 14). */
  readonly reach: ReachStore;
  /** Resolves when the database answers a trivial query (readiness checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface NotificationStore {
  create(input: NewNotification, now: number): Promise<Notification>;
  get(id: string): Promise<Notification | undefined>;
  /** Newest first; only those whose owner id is one of `ownerIds` when given. Audience previews' scratch rows never. */
  list(tenantId: string, limit: number, ownerIds?: string[]): Promise<Notification[]>;
  withStatus(status: NotificationStatus): Promise<Notification[]>;
  /** Ids and versions of the notifications being sent: the dispatcher's cheap per-pass query (no JSON columns). */
  sendingVersions(): Promise<Array<{ id: string; updatedAt: number; tenantId: string }>>;
  /** Scheduled notifications whose time has come. */
  dueScheduled(now: number, limit: number): Promise<Notification[]>;
  /** Moves to `to` only from one of `from`; false when the notification was elsewhere (someone else moved it). */
  transition(id: string, from: NotificationStatus[], to: NotificationStatus, now: number): Promise<boolean>;
  update(
    id: string,
    patch: Partial<Pick<Notification, 'title' | 'card' | 'content' | 'audience' | 'audienceReport' | 'scheduledAt' | 'timeZone' | 'editedAt'>>,
    now: number,
  ): Promise<void>;
}

/** A recipient handed to a worker, with what it needs to act. */
export type ClaimedRecipient = Pick<
  Recipient,
  'id' | 'notificationId' | 'tenantId' | 'userId' | 'state' | 'installStep' | 'attempts' | 'conversationId' | 'serviceUrl' | 'repaired'
>;

export interface RecipientStore {
  /**
   * Adds people; one already there is skipped (unique per notification and user). A person whose conversation is
   * cached goes in `ready` with it, the others `pending`. Returns how many were new.
   */
  add(notificationId: string, tenantId: string, people: NewRecipient[], now: number): Promise<number>;
  /** Removes people (exclusions); returns how many were there. */
  remove(notificationId: string, userIds: string[]): Promise<number>;
  /** Deletes every recipient of a notification (before resolving its audience again). */
  clear(notificationId: string): Promise<void>;
  /** Pending recipients whose user's conversation was cached since they were added become ready. Returns how many. */
  promoteKnown(notificationId: string, now: number): Promise<number>;
  /** Counts per state, from one GROUP BY on the (notification, state) index. */
  counts(notificationId: string): Promise<StateCounts>;
  /**
   * Atomically takes up to `limit` due recipients: `ready` (and `sending` whose lease expired) become `sending`,
   * `pending` (and `installing` whose wait expired) become `installing`; `next_attempt_at` becomes the lease
   * expiry. Two workers never receive the same row. (`attempts` counts failures, not claims.)
   */
  claim(notificationId: string, work: 'send' | 'install', limit: number, now: number, leaseMs: number): Promise<ClaimedRecipient[]>;
  /** Applies a batch of outcomes in one transaction. */
  apply(outcomes: Outcome[]): Promise<void>;
  /** Makes every in-flight row due now: called at start-up by a single-process deployment to resume a crash. */
  releaseInFlight(): Promise<number>;
  /** pending/installing/ready → cancelled; returns how many. */
  cancelOpen(notificationId: string, now: number): Promise<number>;
  /** failed → ready (conversation known, in the row or the cache) or pending, attempts, repair and reason cleared. */
  retryFailed(notificationId: string, now: number): Promise<number>;
  /** Sent recipients after `afterId` (by id) with an activity id, for edit and recall. */
  sentAfter(notificationId: string, afterId: number, limit: number, skipFollowup?: 'updated' | 'recalled'): Promise<Recipient[]>;
  /** Clears the follow-up status of every sent recipient before a new edit or recall. */
  resetFollowups(notificationId: string): Promise<void>;
  /** One page of recipients by id (for exports and reports), optionally of one state. */
  page(notificationId: string, afterId: number, limit: number, state?: RecipientState): Promise<Recipient[]>;
  /** Recipients of a user still waiting for a conversation (pending or installing) become ready with it. */
  promoteUser(tenantId: string, userId: string, conversationId: string, serviceUrl: string, now: number): Promise<number>;
}

export interface ConversationStore {
  upsert(record: ConversationRecord): Promise<void>;
  get(tenantId: string, userId: string): Promise<ConversationRecord | undefined>;
  remove(tenantId: string, userId: string): Promise<void>;
}

/** Named leases with an expiry: at most one holder at a time, taken over only once expired. */
export interface LeaseStore {
  tryAcquire(name: string, holder: string, now: number, ttlMs: number): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}
