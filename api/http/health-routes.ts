import express, { type Router } from 'express';
import type { Store } from '../../core/store/store';

/** `/healthz`: the process answers. `/readyz`: it can also reach its database. */
export function healthRoutes(store: Store): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  router.get('/readyz', async (_req, res) => {
    try {
      await store.ping();
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ error: { code: 'database_unavailable', message: 'The database cannot be reached.' } });
    }
  });
  return router;
}
