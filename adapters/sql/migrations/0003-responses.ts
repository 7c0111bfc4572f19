import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlDialectName } from '../schema';

const TABLES = ['bot_state', 'announcements', 'survey_answers', 'survey_progress', 'welcomes', 'notification_contents', 'poll_votes', 'card_responses'];

/** What the bot records: acknowledgements, poll votes, survey answers, welcomes, announcements, dialog state. */
export function responsesMigration(dialect: SqlDialectName): Migration {
  const time = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('card_responses')
        .addColumn('notification_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('acknowledged_at', time)
        .addColumn('answered_at', time)
        .addColumn('updated_at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('card_responses_pk', ['notification_id', 'user_id'])
        .execute();
      // One row per chosen option: results are one GROUP BY on the primary key's prefix, never a JSON scan.
      await db.schema
        .createTable('poll_votes')
        .addColumn('notification_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('option_index', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('poll_votes_pk', ['notification_id', 'user_id', 'option_index'])
        .execute();
      await db.schema.createIndex('poll_votes_option').on('poll_votes').columns(['notification_id', 'option_index']).execute();
      await db.schema
        .createTable('notification_contents')
        .addColumn('notification_id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('content', 'text')
        .addColumn('survey', 'text')
        .addColumn('updated_at', time, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('welcomes')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('decided_at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('welcomes_pk', ['tenant_id', 'user_id'])
        .execute();
      await db.schema
        .createTable('survey_progress')
        .addColumn('notification_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('started_at', time, (c) => c.notNull())
        .addColumn('completed_at', time)
        .addPrimaryKeyConstraint('survey_progress_pk', ['notification_id', 'user_id'])
        .execute();
      await db.schema
        .createTable('survey_answers')
        .addColumn('notification_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('question_index', 'integer', (c) => c.notNull())
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('answered_at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('survey_answers_pk', ['notification_id', 'user_id', 'question_index'])
        .execute();
      await db.schema
        .createTable('announcements')
        .addColumn('notification_id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('team_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('summary_sent_at', time)
        .execute();
      // botbuilder's Storage (dialog state): one JSON document per key, with an eTag for optimistic concurrency.
      await db.schema
        .createTable('bot_state')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('etag', 'text', (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const table of TABLES) await sql`drop table if exists ${sql.table(table)}`.execute(db);
    },
  };
}
