import express, { type Router } from 'express';
import { z } from 'zod';
import type { Drafts } from '../admin/drafts';
import { draftInputSchema, notificationStatusSchema } from '../contract/notifications';
import { route } from '../http/async-route';
import { userOf } from '../http/request-context';

/** A CSV audience can be 5 MB of text; nothing else the tab sends comes near this. */
export const DRAFT_BODY_LIMIT = '6mb';
const listQuery = z.object({ status: notificationStatusSchema.optional() });

/** Drafts: list, create, read, change, duplicate, delete. */
export function notificationRoutes(drafts: Drafts): Router {
  const router = express.Router();
  const json = express.json({ limit: DRAFT_BODY_LIMIT });
  router.get('/api/notifications', route(async (req, res) => void res.json({ value: await drafts.list(listQuery.parse(req.query).status) })));
  router.post('/api/notifications', json, route(async (req, res) => void res.status(201).json(await drafts.create(userOf(res), draftInputSchema.parse(req.body)))));
  router.get('/api/notifications/:id', route(async (req, res) => void res.json(await drafts.view(req.params.id!))));
  router.put('/api/notifications/:id', json, route(async (req, res) => void res.json(await drafts.update(req.params.id!, draftInputSchema.parse(req.body)))));
  router.delete(
    '/api/notifications/:id',
    route(async (req, res) => {
      await drafts.remove(userOf(res), req.params.id!);
      res.status(204).end();
    }),
  );
  router.post('/api/notifications/:id/duplicate', route(async (req, res) => void res.status(201).json(await drafts.duplicate(userOf(res), req.params.id!))));
  return router;
}
