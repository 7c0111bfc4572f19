import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteDialect } from 'kysely';
import { cachingDatabase } from './statement-cache';

/**
 * SQLite through better-sqlite3. WAL lets readers (progress counts, exports) run beside the dispatcher's writes;
 * busy_timeout makes a second process wait for the write lock instead of failing; synchronous=NORMAL is durable
 * across a process crash (the case we promise), and only a power loss can drop the last commits.
 */
export function sqliteDialect(path: string): SqliteDialect {
  createPrivately(path);
  const database = new BetterSqlite3(path);
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  // 16 MB of page cache (the default is 2 MB): a 100,000-person broadcast's indexes stay in memory.
  database.pragma('cache_size = -16384');
  return new SqliteDialect({ database: cachingDatabase(database) });
}

/**
 * The database holds people's names, UPNs, answers and the audit log: a new file is created readable and writable
 * by its owner only (0600), in a folder only they can list when Herald creates it (0700). SQLite gives its -wal and
 * -shm files the database file's permissions. An existing file keeps the permissions its operator chose.
 */
function createPrivately(path: string): void {
  if (path === ':memory:' || path.startsWith('file:')) return;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
