import express from 'express';
import { loadEnv } from '../config/env';
import { HeraldError, isHeraldError } from '../core/errors/herald-error';
import { composeHerald } from './compose/compose-herald';
import { healthRoutes } from './http/health-routes';
import { startWebServer } from './http/web-server';
import { metricsRoute } from './metrics/metrics-route';

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
  app.use(metricsRoute(herald.scale.metrics, herald.scale.metricsSources(herald.store)));
  const web = await startWebServer(app, env.HERALD_HOST, env.HERALD_WORKER_PORT);
  herald.log.info({ url: web.url, tenantId: herald.settings.tenantId, redis: Boolean(env.HERALD_REDIS_URL) }, 'delivery worker started');
  process.stdout.write(`Herald worker ready at ${web.url} (/healthz, /readyz, /metrics)\n`);

  const stop = (signal: string): void => {
    if (draining) return;
    draining = true;
    herald.log.info({ signal }, 'worker shutting down: calls on the wire finish, waiting recipients go back to the database');
    const hardStop = setTimeout(() => process.exit(1), 30_000);
    hardStop.unref();
    herald.engine
      .stop({ handBack: true })
      .then(() => herald.close())
      .then(() => web.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          herald.log.error({ err: error }, 'worker shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${isHeraldError(error) ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
