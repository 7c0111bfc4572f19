import { loadEnv } from '../../../config/env';
import { createLogger } from '../../../config/logger';
import { composeHerald, type Herald } from '../../../app/compose-herald';
import { spawnEmulator, type SpawnedEmulator } from '../../../emulator/spawn';
import { InspectClient } from '../../../bench/support/inspect-client';
import { allUsers, preinstallKnown } from '../../../bench/support/tenant';
import { createDatabase, databaseUrl, dropDatabase, REDIS_URL } from './services';
import { startWorker, stopWorker, type WorkerProcess } from './worker-process';

/** One emulated tenant (its own emulator process, real limits) and the Herald settings that reach it. */
export interface Tenant {
  emulator: SpawnedEmulator;
  inspect: InspectClient;
  /** Users who should receive a broadcast to everyone (members, enabled, licensed), preinstalled. */
  deliverable: string[];
}

export async function startTenant(users: number, seed: number): Promise<Tenant> {
  const emulator = await spawnEmulator(['--port', '0', '--users', String(users), '--seed', String(seed), '--limits', 'real'], { timeoutMs: 120_000 });
  const inspect = new InspectClient(emulator.info.inspectUrl);
  const deliverable = (await allUsers(inspect)).filter((user) => user.userType === 'Member' && user.accountEnabled && user.hasTeamsLicense).map((user) => user.id);
  return { emulator, inspect, deliverable };
}

/** A deployment's shared infrastructure: its own PostgreSQL database and Redis key prefix. */
export interface Infrastructure {
  databaseUrl: string;
  redisPrefix: string;
  drop(): Promise<void>;
}

export async function freshInfrastructure(): Promise<Infrastructure> {
  const name = await createDatabase('herald_scale_run');
  return { databaseUrl: databaseUrl(name), redisPrefix: `herald-test-${name}`, drop: () => dropDatabase(name) };
}

/** The HERALD_* settings of a server of `tenant` on `infra`. */
export function heraldEnv(tenant: Tenant, infra: Infrastructure, extra: Record<string, string> = {}): Record<string, string> {
  return {
    HERALD_EMULATOR: 'attach',
    HERALD_EMULATOR_PORT: new URL(tenant.emulator.info.origin).port,
    HERALD_DATABASE_URL: infra.databaseUrl,
    HERALD_REDIS_URL: REDIS_URL,
    HERALD_REDIS_PREFIX: infra.redisPrefix,
    // Short leases so a killed worker's rows come back within the test; long enough for the slot waits of 3 workers.
    HERALD_LEASE_MS: '15000',
    HERALD_WORKER_COUNT: '3',
    ...extra,
  };
}

/** Records every deliverable user's chat in Herald's database: only the sends are left. */
export async function preinstall(tenant: Tenant, infra: Infrastructure): Promise<void> {
  await preinstallKnown(tenant.inspect, infra.databaseUrl, tenant.emulator.info.tenantId, tenant.emulator.info.botServiceUrl, tenant.deliverable);
}

/** A web-role Herald in this process (no HTTP, delivers nothing): it creates and starts broadcasts like the API does. */
export async function webServer(tenant: Tenant, infra: Infrastructure): Promise<Herald> {
  return composeHerald({
    env: loadEnv({ ...heraldEnv(tenant, infra), HERALD_ROLE: 'web', HERALD_LOG_LEVEL: 'silent' }),
    logger: createLogger({ level: process.env.HERALD_TEST_LOG ?? 'silent' }),
    serve: 'none',
  });
}

/** Creates a notification to everyone and starts it; resolves with its id once sending began. */
export async function broadcastToEveryone(web: Herald, title: string): Promise<string> {
  const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: title }] };
  const notification = await web.engine.createNotification({
    tenantId: web.settings.tenantId,
    title,
    card,
    audience: { include: [{ kind: 'everyone' }], exclude: [], includeGuests: false },
    createdBy: 'scale-test',
  });
  await web.engine.send(notification.id);
  return notification.id;
}

/** Polls the database until the notification is completed (workers finish it, not this process). */
export async function completed(web: Herald, notificationId: string, timeoutMs = 480_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const notification = await web.store.notifications.get(notificationId).catch(() => undefined);
    if (notification?.status === 'completed') return notification.updatedAt;
    if (Date.now() > deadline) throw new Error(`notification ${notificationId} did not complete: ${JSON.stringify(await web.store.recipients.counts(notificationId))}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function startWorkers(count: number, env: Record<string, string>): Promise<WorkerProcess[]> {
  return Promise.all(Array.from({ length: count }, () => startWorker(env)));
}

export async function stopAll(workers: WorkerProcess[]): Promise<void> {
  await Promise.all(workers.map(stopWorker));
}

/** What a one-tenant scale test runs against; `workers` holds whatever worker processes the test starts. */
export interface OneTenantDeployment {
  tenant: Tenant;
  infra: Infrastructure;
  web: Herald;
  workers: WorkerProcess[];
}

/**
 * Registers the suite's set-up and tear-down for one tenant of `users` people (emulator seed `seed`): a fresh
 * database, every deliverable chat preinstalled and a web-role Herald; afterwards stops the test's workers and all
 * of it. Read the fields inside tests (they are filled in `beforeAll`).
 */
export function oneTenantDeployment(users: number, seed: number): OneTenantDeployment {
  const deployment = { workers: [] } as unknown as OneTenantDeployment;
  beforeAll(async () => {
    deployment.tenant = await startTenant(users, seed);
    deployment.infra = await freshInfrastructure();
    await preinstall(deployment.tenant, deployment.infra);
    deployment.web = await webServer(deployment.tenant, deployment.infra);
  });
  afterAll(async () => {
    await stopAll(deployment.workers);
    await deployment.web?.close();
    await deployment.tenant?.emulator.stop();
    await deployment.infra?.drop();
  });
  return deployment;
}
