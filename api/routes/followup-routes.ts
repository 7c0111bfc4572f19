import express, { type Router } from 'express';
import type { Logger } from '../../config/logger';
import type { FollowUpService } from '../../core/followups/followup-service';
import { answerSoon } from '../admin/answer-soon';
import { followUpPlanInputSchema, followUpViewOf } from '../contract/notifications';
import { actorOf } from '../http/actor-of';
import { route } from '../http/async-route';

/**
 * A notification's follow-up plan: read it (with each reminder round's counts), set or change it (while writing
 * or once sent), remove it. Who may: the owner or an administrator, as for edit (core decides).
 */
export function followUpRoutes(followUps: FollowUpService, log: Logger): Router {
  const router = express.Router();
  const json = express.json({ limit: '16kb' });
  router.get('/api/notifications/:id/follow-ups', route(async (req, res) => void res.json(followUpViewOf(await followUps.get(actorOf(res), req.params.id!)))));
  router.put(
    '/api/notifications/:id/follow-ups',
    json,
    route(async (req, res) => {
      const id = req.params.id!;
      const started = await followUps.setFollowUpPlan(actorOf(res), id, followUpPlanInputSchema.parse(req.body ?? {}));
      if (started.work) await answerSoon(started.work, log, { notificationId: id, operation: 'edit' });
      res.json(followUpViewOf(started.view));
    }),
  );
  router.delete('/api/notifications/:id/follow-ups', route(async (req, res) => void res.json(followUpViewOf((await followUps.setFollowUpPlan(actorOf(res), req.params.id!, null)).view))));
  return router;
}
