import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database, SqlDialectName } from '../schema';
import { initialMigration } from './0001-initial';
import { adminMigration } from './0002-admin';
import { responsesMigration } from './0003-responses';
import { leanUserIndexMigration } from './0004-lean-user-index';
import { oneNotificationMigration } from './0005-one-notification';
import { reachMigration } from './0006-reach';
import { followUpsMigration } from './0007-followups';

/** Migrations live in code (no files to find at run time); names sort in the order they apply. */
export function migrationsFor(dialect: SqlDialectName): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(dialect),
    '0002-admin': adminMigration(dialect),
    '0003-responses': responsesMigration(dialect),
    '0004-lean-user-index': leanUserIndexMigration,
    '0005-one-notification': oneNotificationMigration(dialect),
    '0006-reach': reachMigration(dialect),
    '0007-followups': followUpsMigration(dialect),
  };
}

/** Brings the schema up to date (or up to `target`, a migration's name: tests of a migration); throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>, dialect: SqlDialectName, target?: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(dialect) };
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'herald_migrations',
    migrationLockTableName: 'herald_migrations_lock',
    // 0002 and 0003 were written side by side: a database that already ran 0003 must still take 0002.
    allowUnorderedMigrations: true,
  });
  const { error, results } = target ? await migrator.migrateTo(target) : await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
}
