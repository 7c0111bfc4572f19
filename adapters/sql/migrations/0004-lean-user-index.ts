import type { Kysely, Migration } from 'kysely';

/**
 * `recipients_user` finds a user's rows when the bot's event brings their conversation; a user has a handful of
 * rows, so the state column adds nothing to the lookup, while every state change (claim, sent) had to move the
 * row's entry in this index too. Without it, the two updates per recipient touch one index instead of two.
 */
export const leanUserIndexMigration: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await db.schema.dropIndex('recipients_user').execute();
    await db.schema.createIndex('recipients_user').on('recipients').columns(['tenant_id', 'user_id']).execute();
  },
  async down(db: Kysely<any>): Promise<void> {
    await db.schema.dropIndex('recipients_user').execute();
    await db.schema.createIndex('recipients_user').on('recipients').columns(['tenant_id', 'user_id', 'state']).execute();
  },
};
