import express, { type Router } from 'express';
import { z } from 'zod';
import type { NotificationService } from '../../core/notifications/notification-service';
import { viewOf, summaryOf } from '../admin/notification-views';
import { draftInputSchema, notificationStatusSchema } from '../contract/notifications';
import { actorOf } from '../http/actor-of';
import { route } from '../http/async-route';

/** A CSV audience can be 5 MB of text; nothing else the tab sends comes near this. */
export const DRAFT_BODY_LIMIT = '6mb';
const listQuery = z.object({ status: notificationStatusSchema.optional() });

/** Drafts and the list: list, create, read, change, duplicate, delete (core's use cases decide who may). */
export function notificationRoutes(notifications: NotificationService): Router {
  const router = express.Router();
  const json = express.json({ limit: DRAFT_BODY_LIMIT });
  router.get(
    '/api/notifications',
    route(async (req, res) => {
      const { status } = listQuery.parse(req.query);
      res.json({ value: (await notifications.list(actorOf(res), status === 'failed' ? undefined : status)).map(summaryOf) });
    }),
  );
  router.post(
    '/api/notifications',
    json,
    route(async (req, res) => {
      const input = draftInputSchema.parse(req.body);
      res.status(201).json(viewOf(await notifications.createDraft(actorOf(res), { content: input.content, audience: input.audience ?? null })));
    }),
  );
  router.get('/api/notifications/:id', route(async (req, res) => void res.json(viewOf(await notifications.get(actorOf(res), req.params.id!)))));
  router.put(
    '/api/notifications/:id',
    json,
    route(async (req, res) => {
      const input = draftInputSchema.parse(req.body);
      res.json(viewOf(await notifications.updateDraft(actorOf(res), req.params.id!, { content: input.content, audience: input.audience ?? null })));
    }),
  );
  router.delete(
    '/api/notifications/:id',
    route(async (req, res) => {
      await notifications.remove(actorOf(res), req.params.id!);
      res.status(204).end();
    }),
  );
  router.post('/api/notifications/:id/duplicate', route(async (req, res) => void res.status(201).json(viewOf(await notifications.duplicate(actorOf(res), req.params.id!)))));
  return router;
}
