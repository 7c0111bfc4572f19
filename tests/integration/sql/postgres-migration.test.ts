import { postgresDialect } from '../../../adapters/sql/postgres-dialect';
import { createDatabase, databaseUrl } from '../../scale/support/services';
import { oneNotificationMigrationContract } from './one-notification-migration';

/** Runs under `npm run test:scale` (PostgreSQL on 127.0.0.1:5432), each run on a database of its own. */
const enabled = process.env.HERALD_TEST_POSTGRES_URL !== undefined;

if (enabled) {
  describe('migration 0005 on PostgreSQL', () => {
    oneNotificationMigrationContract(async () => ({ dialect: await postgresDialect(databaseUrl(await createDatabase('herald_migrate'))), name: 'postgres' }));
  });
} else {
  it('needs HERALD_TEST_POSTGRES_URL to run the PostgreSQL migration test (npm run test:scale sets it)', () => {
    expect(enabled).toBe(false);
  });
}
