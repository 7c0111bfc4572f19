import type { BroadcastEngine } from '../core/engine/broadcast-engine';
import type { NotificationStatus } from '../core/notifications/notification';
import type { StateCounts } from '../core/recipients/recipient';
import type { Store } from '../core/store/store';
import { progressLine, RateMeter } from './progress-bar';

const FINAL: NotificationStatus[] = ['completed', 'cancelled'];

/**
 * Shows live progress of a notification until it ends: a bar redrawn in place on a terminal, a line every few
 * seconds otherwise (logs, CI). Resolves with the final status.
 */
export async function watchProgress({ engine, store }: { engine: BroadcastEngine; store: Store }, notificationId: string, out: NodeJS.WriteStream): Promise<NotificationStatus> {
  const meter = new RateMeter();
  let lastLine = 0;
  // The engine publishes counts as deliveries are written; the bar redraws the latest instead of counting again.
  let latest: StateCounts | undefined;
  const draw = async (fresh = false): Promise<void> => {
    const counts = !fresh && latest ? latest : await engine.counts(notificationId);
    const rate = meter.sample(Date.now(), counts.sent + counts.failed + counts.cancelled);
    const line = progressLine(counts, rate);
    if (out.isTTY) out.write(`\r${line}\x1b[K`);
    else if (Date.now() - lastLine >= 3000) {
      out.write(`${line}\n`);
      lastLine = Date.now();
    }
  };
  return new Promise((resolve) => {
    const timer = setInterval(() => void draw(), 500);
    const finish = (status: NotificationStatus): void => {
      clearInterval(timer);
      unsubscribe();
      lastLine = 0;
      void draw(true).then(() => {
        if (out.isTTY) out.write('\n');
        resolve(status);
      });
    };
    const unsubscribe = engine.subscribe((event) => {
      if (event.notificationId === notificationId && event.type === 'progress') latest = event.counts;
      if (event.notificationId === notificationId && event.type === 'status' && FINAL.includes(event.status)) finish(event.status);
    });
    void store.notifications.get(notificationId).then((notification) => {
      if (notification && FINAL.includes(notification.status)) finish(notification.status);
    });
  });
}
