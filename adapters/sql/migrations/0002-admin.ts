import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlDialectName } from '../schema';

const TABLES = ['admin_images', 'admin_audit', 'admin_roles', 'admin_notifications'];

/**
 * What the admin tab keeps: what authors wrote (drafts before they become notifications, and the content and
 * labelled audience of every notification after), who may send and to what, the audit log, and uploaded images.
 */
export function adminMigration(dialect: SqlDialectName): Migration {
  const time = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('admin_notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('audience', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('admin_notifications_tenant').on('admin_notifications').columns(['tenant_id', 'created_at']).execute();

      await db.schema
        .createTable('admin_roles')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('upn', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('audience_kinds', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('admin_roles_pk', ['tenant_id', 'user_id'])
        .execute();

      await db.schema
        .createTable('admin_audit')
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('at', time, (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('details', 'text')
        .execute();
      // The tab pages the log newest first per tenant.
      await db.schema.createIndex('admin_audit_tenant').on('admin_audit').columns(['tenant_id', 'id']).execute();

      await db.schema
        .createTable('admin_images')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('bytes', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const table of TABLES) await sql`drop table if exists ${sql.table(table)}`.execute(db);
    },
  };
}
