import express from 'express';
import { loadEnv } from '../config/env';
import { HeraldError } from '../core/errors/herald-error';
import { runMain, stopOnSignals } from './process/lifecycle';
import { composeHerald } from '../app/compose-herald';
import { healthRoutes } from './http/health-routes';
import { startWebServer } from './http/web-server';
import { serveMetrics } from './metrics/metrics-route';

/**
 * `npm run worker`: a delivery worker. It claims and delivers recipients (the same engine as `npm start`) and
 * serves only /healthz, /readyz and /metrics on HERALD_WORKER_PORT. Run any number of them beside the web servers
 * (HERALD_ROLE=web) on one PostgreSQL database and, for shared limits and instant wake-ups, one Redis.
 */
async function main(): Promise<void> {
  const loaded = loadEnv();
  if (loaded.HERALD_ROLE === 'web') throw new HeraldError('config_invalid', 'HERALD_ROLE=web serves no deliveries: a worker needs HERALD_ROLE=worker (or unset).');
  const env = { ...loaded, HERALD_ROLE: 'worker' as const };
  const herald = await composeHerald({ env, serve: 'none' });
  let draining = false;
  const app = express();
  app.disable('x-powered-by');
  // A draining worker is alive but takes no new work: load balancers and orchestrators should stop counting on it.
  app.get('/readyz', (_req, res, next) => (draining ? void res.status(503).json({ error: { code: 'draining', message: 'The worker is shutting down.' } }) : next()));
  app.use(healthRoutes(herald.store));
  const metrics = await serveMetrics({ setting: env.HERALD_METRICS, host: env.HERALD_HOST, mount: (router) => app.use(router), metrics: herald.scale.metrics, sources: herald.scale.metricsSources(herald.store) });
  const web = await startWebServer(app, env.HERALD_HOST, env.HERALD_WORKER_PORT);
  herald.log.info({ url: web.url, tenantId: herald.settings.tenantId, redis: Boolean(env.HERALD_REDIS_URL) }, 'delivery worker started');
  process.stdout.write(`Herald worker ready at ${web.url} (/healthz, /readyz, /metrics)\n`);

  stopOnSignals(herald.log, 'worker shutting down: calls on the wire finish, waiting recipients go back to the database', async () => {
    draining = true;
    await herald.engine.stop({ handBack: true });
    await herald.close();
    await web.close();
    await metrics.close();
  });
}

runMain(main);
