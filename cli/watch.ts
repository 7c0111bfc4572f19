import type { BroadcastEngine } from '../core/engine/broadcast-engine';
import type { NotificationStatus } from '../core/notifications/notification';
import type { StateCounts } from '../core/recipients/recipient';
import type { Store } from '../core/store/store';
import { progressLine, RateMeter } from './progress-bar';

const FINAL: NotificationStatus[] = ['completed', 'cancelled'];
const TICK_MS = 500;
/** Published counts older than this are counted again: the work is being done by another process. */
const STALE_MS = 2000;

/**
 * Shows live progress of a notification until it ends: a bar redrawn in place on a terminal, a line every few
 * seconds otherwise (logs, CI). Resolves with the final status.
 *
 * The command line shares its database with any Herald server running beside it (`npm start`), and either may
 * deliver the notification or finish it, or an admin may cancel it from the tab: so besides this process's own
 * events, every tick reads the notification's status (one row by key), and counts afresh when this process has
 * published nothing lately.
 */
export async function watchProgress({ engine, store }: { engine: BroadcastEngine; store: Store }, notificationId: string, out: NodeJS.WriteStream): Promise<NotificationStatus> {
  const meter = new RateMeter();
  let lastLine = 0;
  // The engine publishes counts as deliveries are written; the bar redraws the latest instead of counting again.
  let latest: { counts: StateCounts; at: number } | undefined;
  const draw = async (fresh = false): Promise<void> => {
    const counts = !fresh && latest && Date.now() - latest.at < STALE_MS ? latest.counts : await engine.counts(notificationId);
    const rate = meter.sample(Date.now(), counts.sent + counts.failed + counts.cancelled);
    const line = progressLine(counts, rate);
    if (out.isTTY) out.write(`\r${line}\x1b[K`);
    else if (Date.now() - lastLine >= 3000) {
      out.write(`${line}\n`);
      lastLine = Date.now();
    }
  };
  return new Promise((resolve) => {
    let finished = false;
    const finish = (status: NotificationStatus): void => {
      if (finished) return;
      finished = true;
      clearInterval(timer);
      unsubscribe();
      lastLine = 0;
      void draw(true).then(() => {
        if (out.isTTY) out.write('\n');
        resolve(status);
      });
    };
    const checkStatus = async (): Promise<void> => {
      const notification = await store.notifications.get(notificationId);
      if (notification && FINAL.includes(notification.status)) finish(notification.status);
    };
    const timer = setInterval(() => {
      void draw()
        .then(checkStatus)
        .catch(() => undefined); // a busy or briefly unreachable database: the next tick tries again
    }, TICK_MS);
    const unsubscribe = engine.subscribe((event) => {
      if (event.notificationId !== notificationId) return;
      if (event.type === 'progress') latest = { counts: event.counts, at: Date.now() };
      if (event.type === 'status' && FINAL.includes(event.status)) finish(event.status);
    });
    void checkStatus().catch(() => undefined);
  });
}
