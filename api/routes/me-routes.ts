import express, { type Router } from 'express';
import type { Senders } from '../admin/senders';
import { route } from '../http/async-route';
import { userOf } from '../http/request-context';

/** `GET /api/me`: any signed-in user of an allowed tenant, so a refused user learns whom to ask. */
export function meRoutes(senders: Senders): Router {
  const router = express.Router();
  router.get('/api/me', route(async (_req, res) => void res.json(await senders.me(userOf(res)))));
  return router;
}
