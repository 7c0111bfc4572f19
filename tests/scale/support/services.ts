import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { Client } from 'pg';

/** The services every machine here runs (README "Scale out"). Override with the env of the same name. */
export const POSTGRES_ADMIN_URL = process.env.HERALD_TEST_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.HERALD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The URL of `database` on the admin URL's server. */
export function databaseUrl(database: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database; its name is returned. */
export async function createDatabase(prefix: string): Promise<string> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  await admin((client) => client.query(`create database ${name}`));
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((client) => client.query(`drop database if exists ${name} with (force)`));
}

/** Restarts PostgreSQL (every connection is cut) and waits until it answers again. */
export async function restartPostgres(): Promise<void> {
  const version = readdirSync('/etc/postgresql')[0]!;
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], { stdio: 'ignore' });
  await until(() => admin((client) => client.query('select 1')).then(() => true));
}

/** Restarts Redis without saving: every key and job is lost, as when a Redis without persistence restarts. */
export async function restartRedis(): Promise<void> {
  execFileSync('redis-cli', ['shutdown', 'nosave'], { stdio: 'ignore' });
  execFileSync(
    'redis-server',
    ['--daemonize', 'yes', '--bind', '127.0.0.1', '-::1', '--port', '6379', '--save', '', '--appendonly', 'no', '--dir', '/var/lib/redis', '--logfile', '/var/log/redis/ci.log'],
    { stdio: 'ignore' },
  );
  await until(async () => execFileSync('redis-cli', ['ping']).toString().trim() === 'PONG');
}

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error('the service did not come back in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
