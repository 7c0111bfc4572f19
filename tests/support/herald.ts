import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadEnv } from '../../config/env';
import { createLogger } from '../../config/logger';
import { composeHerald, type Herald } from '../../app/compose-herald';
import type { EmulatorOptions, RunningEmulator } from '../../emulator/server';
import { startTestEmulator } from './emulator';

export interface TestHerald {
  herald: Herald;
  emulator: RunningEmulator;
  databaseUrl: string;
  /** Starts a second Herald on the same database (resume after a crash). */
  restart(): Promise<Herald>;
  close(): Promise<void>;
}

/** The emulator plus Herald composed exactly as `npm start` does it (serving only the bot), on a fresh SQLite file. */
export async function startTestHerald(options: { emulator?: Partial<EmulatorOptions>; env?: Record<string, string> } = {}): Promise<TestHerald> {
  const emulator = await startTestEmulator(options.emulator);
  const databaseUrl = `sqlite:${path.join(mkdtempSync(path.join(tmpdir(), 'herald-db-')), 'herald.db')}`;
  const compose = (): Promise<Herald> =>
    composeHerald({
      env: loadEnv({ HERALD_DATABASE_URL: databaseUrl, HERALD_LOG_LEVEL: 'silent', ...options.env }),
      logger: createLogger({ level: process.env.HERALD_TEST_LOG ?? 'silent' }),
      serve: 'bot',
      emulator,
    });
  let herald = await compose();
  return {
    get herald() {
      return herald;
    },
    emulator,
    databaseUrl,
    restart: async () => {
      herald = await compose();
      return herald;
    },
    close: async () => {
      await herald.close().catch(() => undefined);
      await emulator.close();
    },
  };
}

/** Waits until a notification reaches a final status (completed or cancelled). */
export function finished(herald: Herald, notificationId: string, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`notification ${notificationId} did not finish in ${timeoutMs} ms`)), timeoutMs);
    const done = (status: string): void => {
      clearTimeout(timer);
      unsubscribe();
      resolve(status);
    };
    const unsubscribe = herald.engine.subscribe((event) => {
      if (event.notificationId === notificationId && event.type === 'status' && (event.status === 'completed' || event.status === 'cancelled')) done(event.status);
    });
    void herald.store.notifications.get(notificationId).then((n) => {
      if (n && (n.status === 'completed' || n.status === 'cancelled')) done(n.status);
    });
  });
}
