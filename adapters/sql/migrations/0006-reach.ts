import type { Kysely, Migration } from 'kysely';
import type { SqlDialectName } from '../schema';

/**
 * Reach (issue 14): when each recipient first saw their card, from Teams read receipts (`recipients.seen_at`), and
 * when Herald last heard a receipt from each person's chat (`conversations.last_receipt_at`). The second tells "not
 * seen yet" (this person sends receipts, just not for this card) from "not known" (this person's receipts are off,
 * by themselves or by the tenant's policy, or they never read anything since Herald reached them).
 *
 * The report's "who has not seen it" reads sent rows whose `seen_at` is null, on the (notification, state) index
 * that already exists; the receipt's update finds a person's rows on the (tenant, user, state) index.
 */
export function reachMigration(dialect: SqlDialectName): Migration {
  const time = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('recipients').addColumn('seen_at', time).execute();
      await db.schema.alterTable('conversations').addColumn('last_receipt_at', time).execute();
      // The retention pass deletes old per-person reach by time: without these it would scan every recipient.
      await db.schema.createIndex('recipients_seen_at').on('recipients').column('seen_at').execute();
      await db.schema.createIndex('conversations_last_receipt_at').on('conversations').column('last_receipt_at').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('conversations_last_receipt_at').execute();
      await db.schema.dropIndex('recipients_seen_at').execute();
      await db.schema.alterTable('conversations').dropColumn('last_receipt_at').execute();
      await db.schema.alterTable('recipients').dropColumn('seen_at').execute();
    },
  };
}
