import express, { type Router } from 'express';
import type { CloudAdapter, ActivityHandler } from 'botbuilder';
import type { Logger } from '../../config/logger';

/** `POST /api/messages`: the Bot Connector's (or the emulated Teams') calls, authenticated by the CloudAdapter. */
export function botRoute(adapter: CloudAdapter, bot: ActivityHandler, log: Logger): Router {
  const router = express.Router();
  router.post('/api/messages', express.json({ limit: '1mb' }), async (req, res) => {
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } catch (error) {
      log.error({ err: error }, 'bot turn failed');
      if (!res.headersSent) res.status(500).json({ error: { code: 'internal', message: 'The bot could not handle this activity.' } });
    }
  });
  return router;
}
