import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { ClaimedRecipient } from '../../core/store/store';
import { CLAIMED_COLUMNS, toClaimed } from './row-mappers';
import type { Database, SqlDialectName } from './schema';

/**
 * One statement takes a batch: UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING. On PostgreSQL the inner
 * select locks with FOR UPDATE SKIP LOCKED, so concurrent workers take disjoint batches without waiting; SQLite
 * runs one writer at a time, which gives the same guarantee.
 */
export async function claimRecipients(
  db: Kysely<Database>,
  dialect: SqlDialectName,
  notificationId: string,
  work: 'send' | 'install',
  limit: number,
  now: number,
  leaseMs: number,
): Promise<ClaimedRecipient[]> {
  // In-flight rows whose lease ran out are due again: their worker died (or, for installs, the event wait ended).
  const states = work === 'send' ? ['ready', 'sending'] : ['pending', 'installing'];
  let due = db
    .selectFrom('recipients')
    .select('id')
    .where('notification_id', '=', notificationId)
    .where('state', 'in', states)
    .where('next_attempt_at', '<=', now)
    .limit(limit);
  if (dialect === 'postgres') due = due.forUpdate().skipLocked();
  const rows = await db
    .updateTable('recipients')
    .set({ state: work === 'send' ? 'sending' : 'installing', next_attempt_at: now + leaseMs, updated_at: now })
    .where('id', 'in', due)
    .returning([...CLAIMED_COLUMNS])
    .execute();
  return rows.map(toClaimed);
}

/** Makes every in-flight row of a sending notification due at once (start-up of a single-process deployment). */
export async function releaseInFlight(db: Kysely<Database>): Promise<number> {
  const result = await db
    .updateTable('recipients')
    .set({ next_attempt_at: 0 })
    .where('notification_id', 'in', db.selectFrom('notifications').select('id').where('status', '=', 'sending'))
    .where('state', 'in', ['sending', 'installing'])
    .where('next_attempt_at', '>', 0)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** `to`, unless the notification was cancelled meanwhile: then the row is cancelled instead of waiting forever. */
export function unlessCancelled(to: string) {
  return sql<string>`case when exists (select 1 from notifications n where n.id = recipients.notification_id and n.status = 'cancelled') then 'cancelled' else ${to} end`;
}
