import express, { type Router } from 'express';
import { RECIPIENT_STATES, emptyCounts } from '../../core/recipients/recipient';
import type { Store } from '../../core/store/store';
import type { HeraldMetrics } from './herald-metrics';

export interface MetricsSources {
  store: Store;
  /** Wake-up jobs per state in this deployment's queues (absent without Redis). */
  queueDepth?: () => Promise<Record<string, number>>;
  /** True while the shared rate limit is down to the local fallback. */
  rateLimitDegraded?: () => boolean;
}

/**
 * `GET /metrics` in Prometheus text format. The recipient gauges are read at scrape time (one indexed GROUP BY
 * per sending notification), so they are exact whichever server did the work.
 */
export function metricsRoute(metrics: HeraldMetrics, sources: MetricsSources): Router {
  const router = express.Router();
  router.get('/metrics', async (_req, res) => {
    try {
      await refresh(metrics, sources);
    } catch {
      // The database or Redis is away: the counters are still worth serving; the gauges keep their last values.
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}

async function refresh(metrics: HeraldMetrics, sources: MetricsSources): Promise<void> {
  metrics.rateLimitDegraded.set(sources.rateLimitDegraded?.() ? 1 : 0);
  const totals = emptyCounts();
  for (const notification of await sources.store.notifications.sendingVersions()) {
    const counts = await sources.store.recipients.counts(notification.id);
    for (const state of RECIPIENT_STATES) totals[state] += counts[state];
  }
  for (const state of RECIPIENT_STATES) metrics.recipients.set({ state }, totals[state]);
  if (sources.queueDepth) {
    const depth = await sources.queueDepth();
    for (const [state, count] of Object.entries(depth)) metrics.queueJobs.set({ state }, count);
  }
}
