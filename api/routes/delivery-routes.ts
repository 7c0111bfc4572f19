import express, { type Router } from 'express';
import { z } from 'zod';
import type { Logger } from '../../config/logger';
import { cardContentSchema } from '../../core/cards/card-content';
import type { NotificationService } from '../../core/notifications/notification-service';
import { answerSoon } from '../admin/answer-soon';
import { viewOf } from '../admin/notification-views';
import { sendInputSchema } from '../contract/notifications';
import { actorOf } from '../http/actor-of';
import { route } from '../http/async-route';

const editInput = z.object({ content: cardContentSchema });

/**
 * Send (now or scheduled), cancel, resend to failed, edit and recall the sent card. Work that takes minutes is
 * waited for briefly (answerSoon): an early refusal is the answer, the rest shows in the live report.
 */
export function deliveryRoutes(notifications: NotificationService, log: Logger): Router {
  const router = express.Router();
  const json = express.json({ limit: '100kb' });
  router.post(
    '/api/notifications/:id/send',
    json,
    route(async (req, res) => {
      const id = req.params.id!;
      const input = sendInputSchema.parse(req.body ?? {});
      const started = await notifications.send(actorOf(res), id, { scheduledAt: input.scheduledAt === undefined ? undefined : Date.parse(input.scheduledAt), timeZone: input.timeZone });
      await answerSoon(started.work, log, { notificationId: id, operation: 'send' });
      res.json(viewOf(await notifications.get(actorOf(res), id)));
    }),
  );
  router.post('/api/notifications/:id/cancel', route(async (req, res) => void res.json(viewOf((await notifications.cancel(actorOf(res), req.params.id!)).state))));
  router.post('/api/notifications/:id/resend-failed', route(async (req, res) => void res.json(viewOf((await notifications.resendFailed(actorOf(res), req.params.id!)).state))));
  router.post(
    '/api/notifications/:id/edit',
    json,
    route(async (req, res) => {
      const id = req.params.id!;
      const started = await notifications.edit(actorOf(res), id, { content: editInput.parse(req.body).content });
      await answerSoon(started.work, log, { notificationId: id, operation: 'edit' });
      res.json(viewOf(await notifications.get(actorOf(res), id)));
    }),
  );
  router.post(
    '/api/notifications/:id/recall',
    route(async (req, res) => {
      const id = req.params.id!;
      const started = await notifications.recall(actorOf(res), id);
      await answerSoon(started.work, log, { notificationId: id, operation: 'recall' });
      res.json(viewOf(await notifications.get(actorOf(res), id)));
    }),
  );
  return router;
}
