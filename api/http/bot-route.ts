import express, { type RequestHandler, type Router } from 'express';
import type { CloudAdapter, ActivityHandler } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../../config/logger';
import { errorAnswer, sendError } from './error-answer';

/** What botbuilder needs before it can authenticate a call: an object with an activity type. */
const ActivityEnvelope = z.object({ type: z.string().min(1) }).passthrough();

const NOT_AN_ACTIVITY = 'The body is not a Bot Framework activity: it must be a JSON object with a "type".';

/**
 * The largest body read. Teams refuses messages above about 28 KB (MessageSizeTooBig), so the largest activity it
 * sends (a user's message, a card action's inputs, a compose-box preview carrying its card) is that plus the
 * envelope (from, conversation, channelData, entities); a conversationUpdate listing a few hundred added members is
 * well under this too. 256 KB is ample for every real activity and a quarter of Express's usual 1 MB.
 */
export const MAX_ACTIVITY_BODY = '256kb';
/** JSON nesting deeper than this is refused before parsing: Adaptive Cards nest containers, but not 64 deep. */
export const MAX_ACTIVITY_DEPTH = 64;

/** A bearer token shaped like a JWT (three base64url parts), at most 16 KB: anything else is refused unread. */
const BEARER_JWT = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;
const MAX_AUTHORIZATION = 16 * 1024;

/** The adapter's check of a caller's token alone (adapters/connector/cloud-adapter.ts), run before the body is read. */
interface CallerAuthentication {
  authenticateCaller(authorization: string): Promise<void>;
}

/**
 * `POST /api/messages`: the Bot Connector's (or the emulated Teams') calls, authenticated by the CloudAdapter.
 * A call is authenticated before its body is read: a missing or malformed Authorization header is refused at once,
 * and the token is verified with botbuilder's own validation (when the adapter offers it) before a byte of the
 * body is parsed. Then the body is read up to MAX_ACTIVITY_BODY, its nesting checked, and only then parsed.
 * Refused calls are logged on one line each (why, and from where), never with a stack trace.
 */
export function botRoute(adapter: CloudAdapter & Partial<CallerAuthentication>, bot: ActivityHandler, log: Logger): Router {
  const router = express.Router();
  router.post('/api/messages', authenticatedCaller(adapter, log), readActivity, async (req, res) => {
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

function authenticatedCaller(adapter: Partial<CallerAuthentication>, log: Logger): RequestHandler {
  return (req, res, next) => {
    const refuse = (reason: string): void => {
      log.warn({ reason, remoteAddress: req.socket.remoteAddress, contentLength: req.get('content-length') }, 'bot call refused');
      sendError(res, 401, 'unauthenticated', 'Bot Framework calls must carry the channel\'s token: "Authorization: Bearer <token>".');
    };
    const header = req.get('authorization') ?? '';
    if (header.length === 0) return refuse('no Authorization header');
    if (header.length > MAX_AUTHORIZATION || !BEARER_JWT.test(header)) return refuse('the Authorization header is not a bearer JWT');
    if (typeof adapter.authenticateCaller !== 'function') return next();
    adapter.authenticateCaller(header).then(
      () => next(),
      (error: unknown) => refuse(error instanceof Error ? error.message : 'the token could not be verified'),
    );
  };
}

/** Reads the body (JSON only, up to MAX_ACTIVITY_BODY), refuses excessive nesting, then parses it. */
const readActivity: RequestHandler = (req, res, next) => {
  express.raw({ type: ['application/json', 'application/*+json'], limit: MAX_ACTIVITY_BODY })(req, res, (error?: unknown) => {
    if (error) return next(error);
    if (!Buffer.isBuffer(req.body)) {
      req.body = undefined;
      return next();
    }
    const text = req.body.toString('utf8');
    if (nestsDeeperThan(text, MAX_ACTIVITY_DEPTH)) {
      return sendError(res, 400, 'validation_failed', `The body nests deeper than ${MAX_ACTIVITY_DEPTH} levels; no Bot Framework activity does.`);
    }
    try {
      req.body = JSON.parse(text) as unknown;
    } catch {
      return sendError(res, 400, 'validation_failed', 'The request body is not valid JSON.');
    }
    next();
  });
};

/** Whether JSON text opens more than `max` objects or arrays inside each other (strings skipped), in one pass. */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index += 1; // a backslash escapes the next character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (code === 0x7d || code === 0x5d) depth -= 1;
  }
  return false;
}
