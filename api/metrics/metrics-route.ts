import express, { type Router } from 'express';
import type { MetricsSetting } from '../../config/env';
import { RECIPIENT_STATES, emptyCounts } from '../../core/recipients/recipient';
import type { Store } from '../../core/store/store';
import { startWebServer, type RunningWebServer } from '../http/web-server';
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

export interface ServedMetrics {
  /** Where the scraper finds /metrics: `public` (the main port), a URL of its own, or nowhere. */
  where: 'public' | 'off' | string;
  close(): Promise<void>;
}

/**
 * Serves `/metrics` as HERALD_METRICS says: `public` mounts it on the main server through `mount` (what
 * `app.use(metricsRoute(…))` did); a port starts a listener of its own at `host` that serves only /metrics, so
 * the public port answers 404 for it; `off` serves it nowhere. The composition root calls this instead of mounting
 * metricsRoute itself, and closes what it returns.
 */
export async function serveMetrics(options: {
  setting: MetricsSetting;
  host: string;
  mount: (router: Router) => void;
  metrics: HeraldMetrics;
  sources: MetricsSources;
}): Promise<ServedMetrics> {
  const { setting } = options;
  if (setting.serve === 'off') return { where: 'off', close: async () => undefined };
  const router = metricsRoute(options.metrics, options.sources);
  if (setting.serve === 'public') {
    options.mount(router);
    return { where: 'public', close: async () => undefined };
  }
  const app = express();
  app.disable('x-powered-by');
  app.use(router);
  const server: RunningWebServer = await startWebServer(app, options.host, setting.port);
  return { where: `${server.url}/metrics`, close: () => server.close() };
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
