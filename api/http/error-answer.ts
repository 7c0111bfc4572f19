import type { ErrorRequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import type { Logger } from '../../config/logger';
import { isHeraldError, type HeraldError } from '../../core/errors/herald-error';
import { requestIdOf } from './request-context';

/** The documented error body: `{ error: { code, message, fields? } }`. */
export function sendError(res: Response, status: number, code: string, message: string, fields?: Record<string, string>): void {
  res.status(status).json({ error: { code, message, ...(fields && Object.keys(fields).length > 0 ? { fields } : {}) } });
}

/** Each refused field by its dotted path in the body (`content.buttons.0.url`), first message wins. */
export function fieldsOf(error: ZodError, prefix: (string | number)[] = []): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = [...prefix, ...issue.path].join('.') || 'body';
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * The last middleware: HeraldError → its status and code; zod → 400 with fields; body-parser's refusals → 400/413;
 * anything else → 500, logged with the request id (never the body, the query string or the token).
 */
export function errorAnswer(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof ZodError) {
      return sendError(res, 400, 'validation_failed', 'Some fields are not valid.', fieldsOf(error));
    }
    if (isHeraldError(error)) return sendHerald(res, error, log, req.method, req.path);
    const status = (error as { status?: number; type?: string }).status;
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') return sendError(res, 413, 'payload_too_large', 'The request body is too large.');
    if (type === 'entity.parse.failed') return sendError(res, 400, 'validation_failed', 'The request body is not valid JSON.');
    if (typeof status === 'number' && status >= 400 && status < 500) return sendError(res, status, 'bad_request', 'The request could not be read.');
    log.error({ err: error, requestId: requestIdOf(res), method: req.method, path: req.path }, 'API request failed');
    sendError(res, 500, 'internal', `Something went wrong on Herald's side (request ${requestIdOf(res) ?? 'unknown'}).`);
  };
}

function sendHerald(res: Response, error: HeraldError, log: Logger, method: string, path: string): void {
  if (error.status >= 500) log.error({ err: error, requestId: requestIdOf(res), method, path }, 'API request failed');
  else log.debug({ code: error.code, requestId: requestIdOf(res), method, path }, 'API request refused');
  const fields = error.details?.fields as Record<string, string> | undefined;
  sendError(res, error.status, error.code, error.message, fields);
}
