import type { Kysely, Migration } from 'kysely';
import { cardContentSchema } from '../../../core/cards/card-content';
import { buildCard } from '../../../core/cards/card-template';
import type { SqlDialectName } from '../schema';

type Row = Record<string, unknown>;

/**
 * One notification, one record. Before, a notification lived in three tables: the engine's `notifications`, the
 * tab's `admin_notifications` (drafts, and what the author wrote) and the bot's `notification_contents` (content
 * and survey), and only the tab's path wrote the second, so broadcasts sent any other way were invisible to the
 * tab. `notifications` now owns the owner (object id; `created_by` stays the UPN at the time), the origin, the
 * author's content and survey, and when the card was edited or recalled. Rows of the two old tables move in, then
 * the tables go.
 *
 * The origin of an old row is what its traces say: the tab's table, the command line's `cli:` author, a
 * compose-box announcement, a survey; `api` otherwise. An old tab row recorded its author's UPN only: the owner's
 * id is taken from the roles table when that person has a role, else the UPN stands in (ownership then matches
 * by UPN; see core/authority/authority.ts).
 */
export function oneNotificationMigration(dialect: SqlDialectName): Migration {
  const time = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('notifications').addColumn('owner_id', 'text', (c) => c.notNull().defaultTo('')).execute();
      await db.schema.alterTable('notifications').addColumn('origin', 'text', (c) => c.notNull().defaultTo('api')).execute();
      await db.schema.alterTable('notifications').addColumn('content', 'text').execute();
      await db.schema.alterTable('notifications').addColumn('survey', 'text').execute();
      await db.schema.alterTable('notifications').addColumn('edited_at', time).execute();
      await db.schema.alterTable('notifications').addColumn('recalled_at', time).execute();

      const ids = async (table: string, column: string): Promise<Set<string>> =>
        new Set(((await db.selectFrom(table).select(column).execute()) as Row[]).map((row) => String(row[column])));
      const announced = await ids('announcements', 'notification_id');
      const contents = new Map(((await db.selectFrom('notification_contents').selectAll().execute()) as Row[]).map((row) => [String(row.notification_id), row]));
      const roleIds = new Map(((await db.selectFrom('admin_roles').select(['tenant_id', 'user_id', 'upn']).execute()) as Row[]).map((row) => [`${row.tenant_id}/${String(row.upn).toLowerCase()}`, String(row.user_id)]));
      const ownerIdOf = (tenantId: unknown, author: unknown): string => roleIds.get(`${tenantId}/${String(author).toLowerCase()}`) ?? String(author);

      for (const row of (await db.selectFrom('notifications').select(['id', 'tenant_id', 'created_by']).execute()) as Row[]) {
        const id = String(row.id);
        const kept = contents.get(id);
        const origin = String(row.created_by).startsWith('cli:') ? 'cli' : announced.has(id) ? 'compose' : kept?.survey ? 'survey' : 'api';
        await db
          .updateTable('notifications')
          .set({ owner_id: ownerIdOf(row.tenant_id, row.created_by), origin, content: kept?.content ?? null, survey: kept?.survey ?? null })
          .where('id', '=', id)
          .execute();
      }

      const engineIds = await ids('notifications', 'id');
      for (const row of (await db.selectFrom('admin_notifications').selectAll().execute()) as Row[]) {
        const id = String(row.id);
        const owner = { owner_id: ownerIdOf(row.tenant_id, row.created_by), created_by: String(row.created_by), origin: 'tab', title: String(row.title), content: String(row.content) };
        if (engineIds.has(id)) {
          await db.updateTable('notifications').set(owner).where('id', '=', id).execute();
          continue;
        }
        // A draft the engine never saw: it becomes a draft notification, its card built from what was written.
        const card = buildCard(cardContentSchema.parse(JSON.parse(String(row.content))), { notificationId: id });
        await db
          .insertInto('notifications')
          .values({
            id,
            tenant_id: row.tenant_id,
            card: JSON.stringify(card),
            audience: row.audience ?? 'null',
            status: 'draft',
            scheduled_at: null,
            time_zone: null,
            audience_report: null,
            created_at: row.created_at,
            updated_at: row.updated_at,
            started_at: null,
            completed_at: null,
            ...owner,
          })
          .execute();
      }
      await db.schema.dropTable('admin_notifications').execute();
      await db.schema.dropTable('notification_contents').execute();
      await db.schema.createIndex('notifications_owner').on('notifications').columns(['tenant_id', 'owner_id', 'created_at']).execute();
    },
    async down(): Promise<void> {
      // The old shape kept the same facts in three places; there is no way back worth having.
      throw new Error('migration 0005-one-notification cannot be undone');
    },
  };
}
