import { sql, type Kysely } from 'kysely';
import type { FollowUpPlan } from '../../core/followups/followup-plan';
import {
  NO_PROGRESS,
  type FollowUpProgress,
  type FollowUpRecord,
  type FollowUpStore,
  type ReminderOutcome,
  type ReminderTarget,
  type RoundCounts,
  type Straggler,
} from '../../core/followups/followup-store';
import type { ResponseTables } from './response-tables';
import { num } from './row-mappers';
import type { Database } from './schema';

/** `followup_rounds` (migration 0007) and the follow-up columns of `notifications`, as Kysely sees them. */
export type FollowUpTables = {
  followup_rounds: {
    recipient_id: number;
    round: number;
    notification_id: string;
    user_id: string;
    state: string;
    reason: string | null;
    activity_id: string | null;
    feed: string | null;
    claimed_at: number;
    done_at: number | null;
  };
};

type Db = Kysely<Database & ResponseTables & FollowUpTables>;
type PlanColumns = { followup_plan: string | null; followup_progress: string | null; followup_next_at: number | null };

/** Follow-up plans and per-person reminder rounds over Kysely (SQLite and PostgreSQL). */
export class FollowUpRepo implements FollowUpStore {
  private readonly db: Db;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<ResponseTables & FollowUpTables>();
  }

  async setPlan(notificationId: string, plan: FollowUpPlan | null, nextAt: number | null, now: number): Promise<void> {
    await this.raw()
      .updateTable('notifications')
      .set({ followup_plan: plan ? JSON.stringify(plan) : null, followup_next_at: nextAt, updated_at: now })
      .where('id', '=', notificationId)
      .execute();
  }

  async get(notificationId: string): Promise<FollowUpRecord | undefined> {
    const row = await this.raw()
      .selectFrom('notifications')
      .select(['id', 'tenant_id', 'followup_plan', 'followup_progress', 'followup_next_at'])
      .where('id', '=', notificationId)
      .executeTakeFirst();
    return row?.followup_plan ? toRecord(row) : undefined;
  }

  async due(now: number, limit: number): Promise<FollowUpRecord[]> {
    const rows = await this.raw()
      .selectFrom('notifications')
      .select(['id', 'tenant_id', 'followup_plan', 'followup_progress', 'followup_next_at'])
      .where('followup_next_at', 'is not', null)
      .where('followup_next_at', '<=', now)
      .orderBy('followup_next_at')
      .limit(limit)
      .execute();
    return rows.filter((row) => row.followup_plan).map(toRecord);
  }

  async advance(notificationId: string, from: FollowUpProgress, to: FollowUpProgress, nextAt: number | null): Promise<boolean> {
    const before = isNoProgress(from) ? null : serialize(from);
    let update = this.raw().updateTable('notifications').set({ followup_progress: serialize(to), followup_next_at: nextAt }).where('id', '=', notificationId);
    update = before === null ? update.where((eb) => eb.or([eb('followup_progress', 'is', null), eb('followup_progress', '=', serialize(NO_PROGRESS))])) : update.where('followup_progress', '=', before);
    const result = await update.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async reschedule(notificationId: string, nextAt: number | null): Promise<void> {
    await this.raw().updateTable('notifications').set({ followup_next_at: nextAt }).where('id', '=', notificationId).execute();
  }

  async claimReminders(notificationId: string, round: number, to: 'unacknowledged' | 'unseen', limit: number, now: number): Promise<ReminderTarget[]> {
    const unseen = to === 'unseen' ? sql`and r.seen_at is null` : sql``;
    // One statement: the people due, and their rows for this round, written before anyone is called. The primary
    // key (recipient, round) refuses a second claim, whoever makes it, whenever.
    const claimed = await sql<{ recipient_id: number }>`
      insert into followup_rounds (recipient_id, round, notification_id, user_id, state, claimed_at)
      select r.id, ${round}, r.notification_id, r.user_id, 'claimed', ${now}
      from recipients r
      where r.notification_id = ${notificationId}
        and r.state = 'sent'
        and r.conversation_id is not null
        ${unseen}
        and not exists (select 1 from card_responses c where c.notification_id = r.notification_id and c.user_id = r.user_id and c.acknowledged_at is not null)
        and not exists (select 1 from followup_rounds f where f.recipient_id = r.id and f.round = ${round})
      order by r.id
      limit ${limit}
      on conflict do nothing
      returning recipient_id`.execute(this.db);
    const ids = claimed.rows.map((row) => num(row.recipient_id));
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('recipients')
      .select(['id', 'user_id', 'conversation_id', 'service_url', 'activity_id'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ recipientId: num(row.id), userId: row.user_id, conversationId: row.conversation_id ?? '', serviceUrl: row.service_url ?? '', activityId: row.activity_id }));
  }

  async finishReminders(outcomes: ReminderOutcome[], now: number): Promise<void> {
    if (outcomes.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const outcome of outcomes) {
        await trx
          .updateTable('followup_rounds')
          .set({ state: outcome.status, reason: outcome.reason, activity_id: outcome.activityId, feed: outcome.feed, done_at: now })
          .where('recipient_id', '=', outcome.recipientId)
          .where('round', '=', outcome.round)
          .execute();
      }
    });
  }

  async acknowledgedAmong(notificationId: string, userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('card_responses')
      .select('user_id')
      .where('notification_id', '=', notificationId)
      .where('user_id', 'in', userIds)
      .where('acknowledged_at', 'is not', null)
      .execute();
    return new Set(rows.map((row) => row.user_id));
  }

  async roundCounts(notificationId: string, round: number): Promise<RoundCounts> {
    const rows = await this.db
      .selectFrom('followup_rounds')
      .select(['state', 'feed', (eb) => eb.fn.countAll<number>().as('n')])
      .where('notification_id', '=', notificationId)
      .where('round', '=', round)
      .groupBy(['state', 'feed'])
      .execute();
    const counts: RoundCounts = { claimed: 0, sent: 0, failed: 0, skipped: 0, feedSent: 0, feedFailed: 0 };
    for (const row of rows) {
      const n = num(row.n);
      if (row.state in counts) counts[row.state as 'claimed'] += n;
      if (row.feed === 'sent') counts.feedSent += n;
      if (row.feed === 'failed') counts.feedFailed += n;
    }
    return counts;
  }

  async stragglers(notificationId: string, afterId: number, limit: number): Promise<Straggler[]> {
    const rows = await this.db
      .selectFrom('recipients as r')
      .leftJoin('card_responses as c', (join) => join.onRef('c.notification_id', '=', 'r.notification_id').onRef('c.user_id', '=', 'r.user_id'))
      .select(['r.id', 'r.user_id', 'r.upn', 'r.display_name'])
      .where('r.notification_id', '=', notificationId)
      .where('r.state', '=', 'sent')
      .where('r.id', '>', afterId)
      .where('c.acknowledged_at', 'is', null)
      .orderBy('r.id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ recipientId: num(row.id), userId: row.user_id, upn: row.upn, displayName: row.display_name }));
  }

  /** The notifications table with the columns migration 0007 added. */
  private raw(): Kysely<{ notifications: Database['notifications'] & PlanColumns }> {
    return this.db as unknown as Kysely<{ notifications: Database['notifications'] & PlanColumns }>;
  }
}

function toRecord(row: { id: string; tenant_id: string; followup_plan: string | null; followup_progress: string | null; followup_next_at: number | null }): FollowUpRecord {
  return {
    notificationId: row.id,
    tenantId: row.tenant_id,
    plan: JSON.parse(row.followup_plan!) as FollowUpPlan,
    progress: row.followup_progress ? (JSON.parse(row.followup_progress) as FollowUpProgress) : { ...NO_PROGRESS },
    nextAt: row.followup_next_at === null ? null : num(row.followup_next_at),
  };
}

function isNoProgress(progress: FollowUpProgress): boolean {
  return progress.roundsDone === 0 && progress.lastRoundAt === null && progress.summaryAt === null && progress.expiredAt === null;
}

/** Always the same key order, so the conditional move can compare the stored text. */
function serialize(progress: FollowUpProgress): string {
  return JSON.stringify({ roundsDone: progress.roundsDone, lastRoundAt: progress.lastRoundAt, summaryAt: progress.summaryAt, expiredAt: progress.expiredAt });
}
