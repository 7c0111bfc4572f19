import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlDialectName } from '../schema';

/** The first schema. Indexes serve the dispatcher's claims and the per-state counts (see core/README.md). */
export function initialMigration(dialect: SqlDialectName): Migration {
  const time = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('card', 'text', (c) => c.notNull())
        .addColumn('audience', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('scheduled_at', time)
        .addColumn('time_zone', 'text')
        .addColumn('audience_report', 'text')
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .addColumn('started_at', time)
        .addColumn('completed_at', time)
        .execute();
      await db.schema.createIndex('notifications_status').on('notifications').columns(['status', 'scheduled_at']).execute();
      await db.schema.createIndex('notifications_tenant').on('notifications').columns(['tenant_id', 'created_at']).execute();

      await db.schema
        .createTable('recipients')
        .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('notification_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('upn', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('install_step', 'text', (c) => c.notNull().defaultTo('install'))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', time, (c) => c.notNull().defaultTo(0))
        .addColumn('reason', 'text')
        .addColumn('last_error', 'text')
        .addColumn('conversation_id', 'text')
        .addColumn('service_url', 'text')
        .addColumn('activity_id', 'text')
        .addColumn('repaired', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('followup_status', 'text')
        .addColumn('followup_reason', 'text')
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .addColumn('sent_at', time)
        .addUniqueConstraint('recipients_notification_user', ['notification_id', 'user_id'])
        .execute();
      // Claims filter by notification, state and due time; counts GROUP BY the first two columns of the same index.
      await db.schema.createIndex('recipients_work').on('recipients').columns(['notification_id', 'state', 'next_attempt_at']).execute();
      // The bot's conversation events promote a user's waiting recipients across notifications.
      await db.schema.createIndex('recipients_user').on('recipients').columns(['tenant_id', 'user_id', 'state']).execute();

      await db.schema
        .createTable('conversations')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('service_url', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('conversations_pk', ['tenant_id', 'user_id'])
        .execute();

      await db.schema
        .createTable('leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('expires_at', time, (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const table of ['leases', 'conversations', 'recipients', 'notifications']) await sql`drop table if exists ${sql.table(table)}`.execute(db);
    },
  };
}
