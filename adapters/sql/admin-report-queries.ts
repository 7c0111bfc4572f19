import { sql } from 'kysely';
import type { RecipientQuery, ReportQueries } from '../../core/admin/admin-store';
import type { Recipient } from '../../core/recipients/recipient';
import type { AdminDb } from './admin-repo';
import type { ResponseTables } from './response-tables';
import { num, toRecipient } from './row-mappers';

/** The report's queries over the engine's recipient rows, each on the (notification, state, …) index. */
export class AdminReportQueries implements ReportQueries {
  constructor(private readonly db: AdminDb) {}

  async failureReasons(notificationId: string): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('recipients')
      .select((eb) => ['reason', eb.fn.countAll<number | string>().as('count')])
      .where('notification_id', '=', notificationId)
      .where('state', '=', 'failed')
      .groupBy('reason')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.reason ?? 'unknown', num(row.count)]));
  }

  async recipients(notificationId: string, query: RecipientQuery): Promise<Recipient[]> {
    let select = this.db.selectFrom('recipients').selectAll().where('notification_id', '=', notificationId).where('id', '>', query.afterId);
    if (query.state) select = select.where('state', '=', query.state);
    if (query.reason) select = select.where('reason', '=', query.reason);
    if (query.reach === 'not-seen') {
      // "Not seen" only for people who send receipts: the others are "not known" (the funnel counts them apart).
      select = select
        .where('state', '=', 'sent')
        .where('seen_at', 'is', null)
        .where(sql<boolean>`exists (select 1 from conversations c where c.tenant_id = recipients.tenant_id and c.user_id = recipients.user_id and c.last_receipt_at is not null)`);
    }
    if (query.reach === 'not-acknowledged') {
      select = select
        .where('state', '=', 'sent')
        .where(sql<boolean>`not exists (select 1 from card_responses a where a.notification_id = recipients.notification_id and a.user_id = recipients.user_id and a.acknowledged_at is not null)`);
    }
    const rows = await select.orderBy('id').limit(query.limit).execute();
    return rows.map(toRecipient);
  }

  async discardNotification(id: string): Promise<void> {
    const all = this.db.withTables<ResponseTables>();
    await all.transaction().execute(async (trx) => {
      for (const table of ['card_responses', 'poll_votes', 'survey_progress', 'survey_answers', 'announcements', 'recipients'] as const) {
        await trx.deleteFrom(table).where('notification_id', '=', id).execute();
      }
      await trx.deleteFrom('notifications').where('id', '=', id).execute();
    });
  }
}
