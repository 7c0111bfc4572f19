import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '../../../../adapters/sql/create-store';
import { engineConfig, type EngineConfig } from '../../../../core/delivery/engine-config';
import { UNLIMITED } from '../../../../core/delivery/rate-limiter';
import { BroadcastEngine } from '../../../../core/engine/broadcast-engine';
import type { Store } from '../../../../core/store/store';
import type { FakeClock } from '../../../support/fake-clock';
import { FakeDirectory, makeUser } from './fake-directory';
import { FakeInstaller } from './fake-installer';
import { FakeMessenger } from './fake-messenger';

export const TENANT = 'tenant-1';
export const SERVICE_URL = 'https://smba.example/amer/';

export const CARD = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Hello' }] };

/** Fast settings for tests: no rate limits, millisecond retries, a short wait for the bot's install event. */
export function testConfig(overrides: Partial<EngineConfig> = {}): EngineConfig {
  return engineConfig({
    appExternalId: 'herald-manifest-id',
    serviceUrl: SERVICE_URL,
    limits: UNLIMITED,
    retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 4, defaultThrottleMs: 5 },
    installEventWaitMs: 20,
    flushIntervalMs: 5,
    pollIntervalMs: 5,
    progressIntervalMs: 5,
    schedulerIntervalMs: 5,
    // A crashed (halted) engine's delivery lease runs out quickly, so the next one takes over within a test.
    deliveryLeaseMs: 200,
    ...overrides,
  });
}

export function tmpDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'herald-core-')), 'herald.db');
}

export interface Harness {
  store: Store;
  engine: BroadcastEngine;
  directory: FakeDirectory;
  installer: FakeInstaller;
  messenger: FakeMessenger;
  /** Set when the engine runs on a fake clock: waiting then moves that clock instead of the wall clock's time. */
  clock?: FakeClock;
}

/** A real SQLite store, a real engine, and fakes of the ports only; on the system clock unless given a fake one. */
export async function harness(
  options: { users?: number; dbPath?: string; config?: Partial<EngineConfig>; directory?: FakeDirectory; installer?: FakeInstaller; messenger?: FakeMessenger; clock?: FakeClock; holder?: string } = {},
): Promise<Harness> {
  const store = await createStore({ url: options.dbPath ?? tmpDbPath() });
  const directory = options.directory ?? new FakeDirectory(Array.from({ length: options.users ?? 20 }, (_, index) => makeUser(index + 1)));
  const installer = options.installer ?? new FakeInstaller();
  const messenger = options.messenger ?? new FakeMessenger();
  const engine = new BroadcastEngine({ store, directory, installer, messenger, config: testConfig(options.config), random: () => 0.5, clock: options.clock, holder: options.holder });
  return { store, engine, directory, installer, messenger, clock: options.clock };
}

/** Waits until `check` holds (polling); fails with `what` if it never does. Not a timing assertion. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Waits (on the harness's fake clock when it has one) until the notification has `status`. */
export async function waitForStatus(h: Harness, notificationId: string, status: string): Promise<void> {
  const reached = async () => (await h.store.notifications.get(notificationId))?.status === status;
  if (h.clock) await h.clock.until(reached, `notification ${status}`);
  else await eventually(reached, `notification ${status}`);
}

export function draft(audience: unknown = { include: [{ kind: 'everyone' }] }) {
  return { tenantId: TENANT, title: 'Hello', card: CARD, audience: audience as never, createdBy: 'admin@contoso.test' };
}
