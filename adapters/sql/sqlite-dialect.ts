import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
import { cachingDatabase } from './statement-cache';

/**
 * SQLite through better-sqlite3. WAL lets readers (progress counts, exports) run beside the dispatcher's writes;
 * busy_timeout makes a second process wait for the write lock instead of failing; synchronous=NORMAL is durable
 * across a process crash (the case we promise), and only a power loss can drop the last commits.
 */
export function sqliteDialect(path: string): SqliteDialect {
  const database = new BetterSqlite3(path);
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  // 16 MB of page cache (the default is 2 MB): a 100,000-person broadcast's indexes stay in memory.
  database.pragma('cache_size = -16384');
  return new SqliteDialect({ database: cachingDatabase(database) });
}
