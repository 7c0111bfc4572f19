import type { Kysely, Migration } from 'kysely';
import type { SqlDialectName } from '../schema';

/**
 * Follow-ups (issue 14): a notification's plan (acknowledge-by deadline, reminders, expiry) is part of its record
 * (`followup_plan`, JSON), with where its steps stand (`followup_progress`, JSON, moved conditionally so a step is
 * taken once) and when the runner looks next (`followup_next_at`, indexed: the runner's pass is one range scan).
 *
 * `followup_rounds` holds one row per person per reminder round, written `claimed` before the reminder's call and
 * `sent`/`failed`/`skipped` after its answer. Its key (recipient, round) is what makes "never twice for the same
 * round" hold across crashes and servers: a row claimed by a process that then died is never claimed again.
 */
export function followUpsMigration(dialect: SqlDialectName): Migration {
  const time = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('notifications').addColumn('followup_plan', 'text').execute();
      await db.schema.alterTable('notifications').addColumn('followup_progress', 'text').execute();
      await db.schema.alterTable('notifications').addColumn('followup_next_at', time).execute();
      await db.schema.createIndex('notifications_followup_next_at').on('notifications').column('followup_next_at').execute();
      await db.schema
        .createTable('followup_rounds')
        .addColumn('recipient_id', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
        .addColumn('round', 'integer', (c) => c.notNull())
        .addColumn('notification_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('activity_id', 'text')
        .addColumn('feed', 'text')
        .addColumn('claimed_at', time, (c) => c.notNull())
        .addColumn('done_at', time)
        .addPrimaryKeyConstraint('followup_rounds_pk', ['recipient_id', 'round'])
        .execute();
      await db.schema.createIndex('followup_rounds_by_notification').on('followup_rounds').columns(['notification_id', 'round', 'state']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('followup_rounds').execute();
      await db.schema.dropIndex('notifications_followup_next_at').execute();
      await db.schema.alterTable('notifications').dropColumn('followup_next_at').execute();
      await db.schema.alterTable('notifications').dropColumn('followup_progress').execute();
      await db.schema.alterTable('notifications').dropColumn('followup_plan').execute();
    },
  };
}
