import { RepeatingPass } from '../../core/shared/repeating-pass';
import type { Logger } from '../../config/logger';
import type { DueNotice, WorkQueuePort } from '../../core/ports/work-queue';
import type { Store } from '../../core/store/store';

export interface ReconcilerOptions {
  store: Store;
  queue: WorkQueuePort;
  logger: Logger;
  /** This server's name in the lease row. */
  holder: string;
  intervalMs: number;
}

/**
 * SQL is the truth, the queue an accelerator: every `intervalMs` one server (whoever holds the `reconcile-queue`
 * lease) announces again every sending notification that still has recipients waiting, so work whose wake-up
 * job Redis lost (a restart: it keeps nothing on disk) is taken up again. Announcements are deduplicated per
 * notification, so this costs one job per open notification at most.
 */
export class QueueReconciler {
  private readonly loop: RepeatingPass;

  constructor(private readonly options: ReconcilerOptions) {
    this.loop = new RepeatingPass(() => this.reconcile(), options.intervalMs, (error) =>
      options.logger.debug({ err: error }, 'queue reconciliation skipped (database or Redis unavailable)'),
    );
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass; returns how many notifications were announced (0 when another server holds the lease). */
  async reconcile(now = Date.now()): Promise<number> {
    const { store, queue, holder, intervalMs } = this.options;
    if (!(await store.leases.tryAcquire('reconcile-queue', holder, now, intervalMs * 2))) return 0;
    let announced = 0;
    for (const notification of await store.notifications.sendingVersions()) {
      const counts = await store.recipients.counts(notification.id);
      if (counts.pending + counts.installing + counts.ready + counts.sending === 0) continue;
      const notice: DueNotice = { tenantId: notification.tenantId, notificationId: notification.id };
      await queue.announce(notice);
      announced += 1;
    }
    return announced;
  }
}
