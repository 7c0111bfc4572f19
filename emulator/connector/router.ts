import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import type { EmulatorContext } from '../context';
import { activityHandlers } from './activities';
import { requireBotToken } from './auth';
import { createConversationHandler } from './create-conversation';
import { connectorFailures, sendFailure } from './errors';
import { memberHandlers, teamHandlers } from './members';

/**
 * Bot Connector v3 as Teams implements it; mounted at `/smba/amer` (the `serviceUrl` bots see is
 * `ctx.urls.botServiceUrl`).
 */
export function connectorRouter(ctx: EmulatorContext): Router {
  const router = express.Router();
  router.use(countRequests(ctx));
  router.use(requireBotToken(ctx));
  // Generous parser limit: the Connector's own 413 (MessageSizeTooBig) is decided per activity, below.
  router.use(express.json({ limit: '4mb' }));

  const activities = activityHandlers(ctx);
  const members = memberHandlers(ctx);
  const teams = teamHandlers(ctx);
  router.post('/v3/conversations', createConversationHandler(ctx));
  router.post('/v3/conversations/:conversationId/activities', activities.send);
  router.post('/v3/conversations/:conversationId/activities/:activityId', activities.send);
  router.put('/v3/conversations/:conversationId/activities/:activityId', activities.update);
  router.delete('/v3/conversations/:conversationId/activities/:activityId', activities.remove);
  router.get('/v3/conversations/:conversationId/members', members.list);
  router.get('/v3/conversations/:conversationId/pagedmembers', members.paged);
  router.get('/v3/conversations/:conversationId/members/:memberId', members.one);
  router.get('/v3/teams/:teamId', teams.details);
  router.get('/v3/teams/:teamId/conversations', teams.channels);
  router.use((_req, res) => sendFailure(res, { status: 404, body: { error: { code: 'NotFound', message: 'Resource not found.' } } }));
  router.use(bodyErrors);
  return router;
}

/** `connector.requests` and `connector.status.<code>` for the inspection API. */
function countRequests(ctx: EmulatorContext): RequestHandler {
  return (_req, res, next) => {
    ctx.counters.add('connector.requests');
    res.on('finish', () => ctx.counters.add(`connector.status.${res.statusCode}`));
    next();
  };
}

/** A body the JSON parser refused: malformed JSON is a BadArgument, an oversized one MessageSizeTooBig. */
const bodyErrors: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
  if (error.type === 'entity.too.large') return sendFailure(res, connectorFailures.tooBig());
  if (error.type === 'entity.parse.failed') return sendFailure(res, connectorFailures.badArgument('The request body is not valid JSON.'));
  next(error);
};
