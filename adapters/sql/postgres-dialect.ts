import { PostgresDialect, type PostgresPool } from 'kysely';

/** The slice of the `pg` module we use, typed here so this file compiles before `pg` is installed. */
interface PgModule {
  Pool: new (config: { connectionString: string; max?: number }) => PostgresPool & { on(event: 'error', listener: (error: Error) => void): unknown };
  types: { setTypeParser(oid: number, parse: (text: string) => unknown): void };
}

/** PostgreSQL's oid for int8 (bigint): our epoch-millisecond columns and count(*) results. */
const INT8_OID = 20;

/**
 * PostgreSQL through `pg`'s Pool, loaded only when a postgres:// URL is used so SQLite deployments need no `pg`.
 * Epoch milliseconds stay far below 2^53, so int8 is parsed to a JS number instead of pg's default string.
 */
export async function postgresDialect(connectionString: string): Promise<PostgresDialect> {
  const moduleName = 'pg';
  let pg: PgModule;
  try {
    const loaded = (await import(moduleName)) as PgModule & { default?: PgModule };
    pg = loaded.default ?? loaded;
  } catch (error) {
    throw new Error('PostgreSQL needs the `pg` package: run `npm install pg`.', { cause: error });
  }
  pg.types.setTypeParser(INT8_OID, (text) => Number(text));
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection dropped by the server (a restart, a failover) is reported here; without a listener it would
  // crash the process. The pool replaces it, and queries in progress fail and are retried by their callers.
  pool.on('error', () => undefined);
  return new PostgresDialect({ pool });
}
