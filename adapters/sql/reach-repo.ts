import { sql, type Kysely } from 'kysely';
import type { ReachBucket, ReachCounts, ReachStore, ReadReceipt, ReceiptOutcome } from '../../core/reach/reach-store';
import type { ResponseTables } from './response-tables';
import { num } from './row-mappers';
import type { Database, SqlDialectName } from './schema';

/** Teams' 1:1 message ids are epoch milliseconds; anything else is not a message id a receipt can cover. */
const DIGITS = /^[1-9][0-9]{0,17}$/;

/**
 * Reach over the recipient rows. Activity ids are text: "numerically ≤" is compared without a cast (a cast of a
 * non-numeric id fails in PostgreSQL and is 0 in SQLite), as a shorter digit string, or an equally long one that
 * sorts first; ids that are not all digits (never a 1:1 chat's) are left out by the dialect's own pattern match.
 */
export class ReachRepo implements ReachStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: SqlDialectName,
  ) {}

  async recordReceipt(receipt: ReadReceipt): Promise<ReceiptOutcome> {
    return (await this.recordReceipts([receipt]))[0]!;
  }

  async recordReceipts(receipts: ReadReceipt[]): Promise<ReceiptOutcome[]> {
    if (receipts.length === 0) return [];
    // One commit for the lot: a commit costs more than the two indexed updates of a receipt.
    return this.db.transaction().execute(async (trx) => {
      const outcomes: ReceiptOutcome[] = [];
      for (const receipt of receipts) outcomes.push(await this.markIn(trx, receipt));
      return outcomes;
    });
  }

  private async markIn(trx: Kysely<Database>, receipt: ReadReceipt): Promise<ReceiptOutcome> {
    if (!DIGITS.test(receipt.lastReadMessageId)) return { knownChat: await this.knows(trx, receipt), notificationIds: [], marked: 0 };
    const last = receipt.lastReadMessageId;
    const digitsOnly = this.dialect === 'postgres' ? sql<boolean>`activity_id ~ '^[0-9]+$'` : sql<boolean>`activity_id not glob '*[^0-9]*' and activity_id <> ''`;
    const coveredBy = sql<boolean>`(length(activity_id) < ${last.length} or (length(activity_id) = ${last.length} and activity_id <= ${last}))`;
    const chat = await trx
      .updateTable('conversations')
      .set({ last_receipt_at: sql<number>`case when last_receipt_at is null or last_receipt_at < ${receipt.at} then ${receipt.at} else last_receipt_at end` })
      .where('tenant_id', '=', receipt.tenantId)
      .where('user_id', '=', receipt.userId)
      .executeTakeFirst();
    if (Number(chat.numUpdatedRows) === 0) return { knownChat: false, notificationIds: [], marked: 0 };
    // The one statement that marks: on the (tenant, user) index, a person's few rows. A person has one 1:1 chat
    // with Herald, but not one id for it: Graph's `installedApps/{id}/chat` names it `19:…@unq.gbl.spaces` (what
    // Herald stores when it found the chat through Graph), while the bot's activities, receipts included, carry
    // the Bot Framework's `a:…` id. So the chat is matched by its person (from the channel-signed activity), not
    // by the id's spelling.
    const marked = await trx
      .updateTable('recipients')
      .set({ seen_at: receipt.at })
      .where('tenant_id', '=', receipt.tenantId)
      .where('user_id', '=', receipt.userId)
      .where('state', '=', 'sent')
      .where('seen_at', 'is', null)
      .where('activity_id', 'is not', null)
      .where(digitsOnly)
      .where(coveredBy)
      .returning('notification_id')
      .execute();
    return { knownChat: true, notificationIds: [...new Set(marked.map((row) => row.notification_id))], marked: marked.length };
  }

  private async knows(db: Kysely<Database>, receipt: ReadReceipt): Promise<boolean> {
    const row = await db
      .selectFrom('conversations')
      .select('user_id')
      .where('tenant_id', '=', receipt.tenantId)
      .where('user_id', '=', receipt.userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async counts(notificationId: string): Promise<ReachCounts> {
    const row = await this.db
      .selectFrom('recipients as r')
      .leftJoin('conversations as c', (join) => join.onRef('c.tenant_id', '=', 'r.tenant_id').onRef('c.user_id', '=', 'r.user_id'))
      .select([
        (eb) => eb.fn.countAll<number | string>().as('delivered'),
        sql<number | string>`coalesce(sum(case when r.seen_at is not null then 1 else 0 end), 0)`.as('seen'),
        sql<number | string>`coalesce(sum(case when r.seen_at is null and c.last_receipt_at is null then 1 else 0 end), 0)`.as('unknown'),
      ])
      .where('r.notification_id', '=', notificationId)
      .where('r.state', '=', 'sent')
      .executeTakeFirst();
    return { delivered: num(row?.delivered ?? 0), seen: num(row?.seen ?? 0), unknown: num(row?.unknown ?? 0) };
  }

  async buckets(notificationId: string, since: number, bucketMs: number): Promise<ReachBucket[]> {
    const all = this.db.withTables<ResponseTables>();
    const bucketOf = (column: string) => sql<number | string>`(${sql.ref(column)} - ${since}) / ${bucketMs}`;
    const [seen, acknowledged] = await Promise.all([
      all
        .selectFrom('recipients')
        .select([bucketOf('seen_at').as('bucket'), (eb) => eb.fn.countAll<number | string>().as('count')])
        .where('notification_id', '=', notificationId)
        .where('seen_at', 'is not', null)
        .groupBy(sql`1`)
        .execute(),
      all
        .selectFrom('card_responses')
        .select([bucketOf('acknowledged_at').as('bucket'), (eb) => eb.fn.countAll<number | string>().as('count')])
        .where('notification_id', '=', notificationId)
        .where('acknowledged_at', 'is not', null)
        .groupBy(sql`1`)
        .execute(),
    ]);
    const byIndex = new Map<number, ReachBucket>();
    const at = (index: number): ReachBucket => {
      const bucket = byIndex.get(index) ?? { index, seen: 0, acknowledged: 0 };
      byIndex.set(index, bucket);
      return bucket;
    };
    // A time before `since` (an acknowledgement of a card sent again) counts from the first bucket.
    for (const row of seen) at(Math.max(0, Math.floor(num(row.bucket)))).seen += num(row.count);
    for (const row of acknowledged) at(Math.max(0, Math.floor(num(row.bucket)))).acknowledged += num(row.count);
    return [...byIndex.values()].sort((a, b) => a.index - b.index);
  }

  async forgetBefore(before: number): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const seen = await trx.updateTable('recipients').set({ seen_at: null }).where('seen_at', '<', before).executeTakeFirst();
      const chats = await trx.updateTable('conversations').set({ last_receipt_at: null }).where('last_receipt_at', '<', before).executeTakeFirst();
      return Number(seen.numUpdatedRows) + Number(chats.numUpdatedRows);
    });
  }
}
