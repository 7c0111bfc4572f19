import express, { type Router } from 'express';
import type { CloudAdapter, ActivityHandler } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../../config/logger';
import { errorAnswer, sendError } from './error-answer';

/** What botbuilder needs before it can authenticate a call: an object with an activity type. */
const ActivityEnvelope = z.object({ type: z.string().min(1) }).passthrough();

const NOT_AN_ACTIVITY = 'The body is not a Bot Framework activity: it must be a JSON object with a "type".';

/** `POST /api/messages`: the Bot Connector's (or the emulated Teams') calls, authenticated by the CloudAdapter. */
export function botRoute(adapter: CloudAdapter, bot: ActivityHandler, log: Logger): Router {
  const router = express.Router();
  router.post('/api/messages', express.json({ limit: '1mb' }), async (req, res) => {
    // botbuilder throws on a body that is not an object with a type (validateAndFixActivity), which would be a
    // 500 here: it is the caller's mistake.
    if (!ActivityEnvelope.safeParse(req.body).success) return sendError(res, 400, 'validation_failed', NOT_AN_ACTIVITY);
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } catch (error) {
      log.error({ err: error }, 'bot turn failed');
      if (!res.headersSent) sendError(res, 500, 'internal', 'The bot could not handle this activity.');
    }
  });
  // Unreadable JSON or an oversized body: the documented error body rather than Express's HTML page.
  router.use(errorAnswer(log));
  return router;
}
