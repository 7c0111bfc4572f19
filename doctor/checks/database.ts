import { createStore } from '../../adapters/sql/create-store';
import { fail, pass, skip, type Check } from '../check';

/** Credentials in a database URL are secrets: show only the scheme, host and database. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

/**
 * Opens the database as Herald does. createStore migrates to the latest schema on open, so after this check the
 * schema is current (a read-only status would be nicer; the SQL adapter exposes none yet).
 */
export const databaseCheck: Check = {
  title: 'Database',
  async run(state) {
    const env = state.env;
    if (!env) return skip(this.title, 'needs a valid configuration');
    const shown = redactDatabaseUrl(env.HERALD_DATABASE_URL);
    try {
      const store = await createStore({ url: env.HERALD_DATABASE_URL });
      await store.close();
      return pass(this.title, `${shown} is reachable and its schema is at the latest migration`);
    } catch (error) {
      return fail(this.title, `${shown}: ${(error as Error).message}`, 'Check HERALD_DATABASE_URL: the SQLite file\'s folder must exist and be writable; a PostgreSQL server must be reachable with those credentials.');
    }
  },
};
