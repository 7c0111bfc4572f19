import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sqliteDialect } from '../../../adapters/sql/sqlite-dialect';
import { oneNotificationMigrationContract } from './one-notification-migration';

describe('migration 0005 on SQLite', () => {
  oneNotificationMigrationContract(async () => ({ dialect: sqliteDialect(path.join(mkdtempSync(path.join(tmpdir(), 'herald-migrate-')), 'old.db')), name: 'sqlite' }));
});
