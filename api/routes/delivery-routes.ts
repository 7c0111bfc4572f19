import express, { type Router } from 'express';
import { z } from 'zod';
import { cardContentSchema } from '../../core/cards/card-content';
import type { Delivery } from '../admin/delivery';
import { sendInputSchema } from '../contract/notifications';
import { route } from '../http/async-route';
import { roleOf, userOf } from '../http/request-context';

const editInput = z.object({ content: cardContentSchema });

/** Send (now or scheduled), cancel, resend to failed, edit and recall the sent card. */
export function deliveryRoutes(delivery: Delivery): Router {
  const router = express.Router();
  const json = express.json({ limit: '100kb' });
  router.post('/api/notifications/:id/send', json, route(async (req, res) => void res.json(await delivery.send(userOf(res), roleOf(res), req.params.id!, sendInputSchema.parse(req.body ?? {})))));
  router.post('/api/notifications/:id/cancel', route(async (req, res) => void res.json(await delivery.cancel(userOf(res), req.params.id!))));
  router.post('/api/notifications/:id/resend-failed', route(async (req, res) => void res.json(await delivery.resendFailed(userOf(res), req.params.id!))));
  router.post('/api/notifications/:id/edit', json, route(async (req, res) => void res.json(await delivery.edit(userOf(res), req.params.id!, editInput.parse(req.body).content))));
  router.post('/api/notifications/:id/recall', route(async (req, res) => void res.json(await delivery.recall(userOf(res), req.params.id!))));
  return router;
}
