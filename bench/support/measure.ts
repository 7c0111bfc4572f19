import { createStore } from '../../adapters/sql/create-store';
import type { Recipient } from '../../core/recipients/recipient';

export interface DeliveryFigures {
  total: number;
  sent: number;
  failed: number;
  reasons: Record<string, number>;
  /** Sends per second between the first and the last send. */
  sendRate: number;
  p50Ms: number;
  p99Ms: number;
  spanSeconds: number;
}

/** Reads a finished notification's recipients from Herald's database and computes the delivery figures. */
export async function deliveryFigures(databaseUrl: string, notificationId: string, startedAt: number): Promise<DeliveryFigures> {
  const store = await createStore({ url: databaseUrl });
  try {
    const rows: Recipient[] = [];
    for (let after = 0; ; ) {
      const page = await store.recipients.page(notificationId, after, 5000);
      if (page.length === 0) break;
      rows.push(...page);
      after = page[page.length - 1]!.id;
    }
    const sentTimes = rows.filter((row) => row.state === 'sent' && row.sentAt !== null).map((row) => row.sentAt!).sort((a, b) => a - b);
    const reasons: Record<string, number> = {};
    for (const row of rows) if (row.state === 'failed') reasons[row.reason ?? 'unknown'] = (reasons[row.reason ?? 'unknown'] ?? 0) + 1;
    const span = sentTimes.length > 1 ? (sentTimes[sentTimes.length - 1]! - sentTimes[0]!) / 1000 : 0;
    const latencies = sentTimes.map((at) => at - startedAt);
    return {
      total: rows.length,
      sent: sentTimes.length,
      failed: rows.filter((row) => row.state === 'failed').length,
      reasons,
      sendRate: span > 0 ? (sentTimes.length - 1) / span : 0,
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
      spanSeconds: span,
    };
  } finally {
    await store.close();
  }
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!);
}

/** Latest notification in the database (the one a CLI run just created). */
export async function latestNotificationId(databaseUrl: string): Promise<string> {
  const store = await createStore({ url: databaseUrl });
  try {
    const open = [...(await store.notifications.withStatus('completed')), ...(await store.notifications.withStatus('sending')), ...(await store.notifications.withStatus('resolving'))];
    const latest = open.sort((a, b) => b.createdAt - a.createdAt)[0];
    if (!latest) throw new Error('no notification in the database');
    return latest.id;
  } finally {
    await store.close();
  }
}
