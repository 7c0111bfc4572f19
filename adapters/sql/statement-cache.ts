import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct statements Herald runs are a few dozen; 256 leaves room for batch-size variants. */
const CAPACITY = 256;

/**
 * Kysely's SQLite driver prepares every statement it runs; preparing costs as much as running our small updates,
 * so this keeps prepared statements by SQL text (least recently used dropped first). Safe because better-sqlite3
 * runs statements synchronously and Herald never streams a query (a streaming iterator would hold a statement).
 */
export function cachingDatabase(database: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql) as unknown as SqliteStatement;
      statements.set(sql, statement);
      if (statements.size > CAPACITY) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}
