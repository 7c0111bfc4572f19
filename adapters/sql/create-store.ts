import { Kysely, type Dialect } from 'kysely';
import { migrateToLatest } from './migrations/migrate';
import { postgresDialect } from './postgres-dialect';
import type { Database, SqlDialectName } from './schema';
import { SqlStore } from './sql-store';
import { sqliteDialect } from './sqlite-dialect';

export interface StoreOptions {
  /** `sqlite:<path>`, a file path, `:memory:`, or `postgres://…` / `postgresql://…`. */
  url: string;
}

/** Opens the database the URL names, migrates it to the latest schema and returns the store. */
export async function createStore(options: StoreOptions): Promise<SqlStore> {
  const { dialect, name } = await dialectFor(options.url);
  const db = new Kysely<Database>({ dialect });
  try {
    await migrateToLatest(db, name);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new SqlStore(db, name);
}

async function dialectFor(url: string): Promise<{ dialect: Dialect; name: SqlDialectName }> {
  if (/^postgres(ql)?:\/\//i.test(url)) return { dialect: await postgresDialect(url), name: 'postgres' };
  const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '') : url;
  if (path === '') throw new Error('the SQLite URL names no file (use sqlite:<path> or :memory:)');
  return { dialect: sqliteDialect(path), name: 'sqlite' };
}
