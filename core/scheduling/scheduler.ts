import { RepeatingPass } from '../shared/repeating-pass';
import type { Notification } from '../notifications/notification';
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import type { Store } from '../store/store';

/** Long enough for a start (audience resolution of a large tenant) to finish; renewed by no one: it just expires. */
export const START_LEASE_MS = 10 * 60_000;

export interface SchedulerDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** This server's identity in lease rows. */
  holder: string;
  intervalMs: number;
  /** Starts a notification this server won (resolves the audience, then sends). */
  start: (notification: Notification) => Promise<void>;
}

/**
 * Takes the start lease of a due scheduled notification. The lease row (conditional update with expiry) means
 * two servers polling at once start it once; the status transition scheduled → resolving is the second guard.
 */
export async function claimStart(store: Store, notificationId: string, holder: string, now: number): Promise<boolean> {
  return store.leases.tryAcquire(`start:${notificationId}`, holder, now, START_LEASE_MS);
}

/** Polls for due scheduled notifications and starts those this server wins. */
export class Scheduler {
  private readonly loop: RepeatingPass;

  constructor(private readonly deps: SchedulerDeps) {
    this.loop = new RepeatingPass(() => this.tick(), deps.intervalMs, (error) => deps.logger.error({ err: error }, 'scheduler pass failed'), deps.clock);
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass: start every due notification whose lease this server takes. */
  async tick(): Promise<number> {
    const { store, clock, holder } = this.deps;
    let started = 0;
    for (const notification of await store.notifications.dueScheduled(clock.now(), 50)) {
      if (!(await claimStart(store, notification.id, holder, clock.now()))) continue;
      started += 1;
      await this.deps.start(notification).catch((error: unknown) => {
        this.deps.logger.error({ err: error, notificationId: notification.id }, 'starting a scheduled notification failed');
      });
    }
    return started;
  }
}
