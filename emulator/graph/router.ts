import { randomUUID } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import type { EmulatorContext } from '../context';
import { handleGraphRequest } from './dispatch';
import { badRequest, errorBody } from './errors';
import { ERROR_JSON, standardHeaders } from './headers';
import type { GraphRequest, GraphResponse, GraphVersion } from './types';

export { handleGraphRequest } from './dispatch';
export type { GraphRequest, GraphResponse } from './types';

/** Serves `/v1.0/…` and `/beta/…` (mounted at `/graph`) by adapting express to the pure dispatcher. */
export function graphRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  router.use(express.raw({ type: () => true, limit: '4mb' }));
  router.all(/^\/(v1\.0|beta)(\/.*)?$/, (req, res, next) => {
    handle(ctx, req, res).catch(next);
  });
  return router;
}

async function handle(ctx: EmulatorContext, req: Request, res: Response): Promise<void> {
  const headers = lowerCaseHeaders(req);
  const body = parseBody(req.body);
  if (body === INVALID) {
    send(res, invalidJson(headers['client-request-id']));
    return;
  }
  const [, version = 'v1.0', ...rest] = req.path.split('/');
  const rawUrl = req.originalUrl;
  const queryAt = rawUrl.indexOf('?');
  const request: GraphRequest = {
    method: req.method,
    version: version as GraphVersion,
    path: `/${rest.join('/')}`,
    query: queryAt < 0 ? '' : rawUrl.slice(queryAt + 1),
    headers,
    body,
  };
  send(res, await handleGraphRequest(ctx, request));
}

const INVALID = Symbol('invalid JSON');

function parseBody(raw: unknown): unknown {
  if (!Buffer.isBuffer(raw) || raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return INVALID;
  }
}

function lowerCaseHeaders(req: Request): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

/** Graph's answer to a body that is not JSON. */
function invalidJson(clientRequestId: string | undefined): GraphResponse {
  const requestId = randomUUID();
  const ids = { requestId, clientRequestId: clientRequestId ?? requestId };
  const error = badRequest('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
  return { status: 400, headers: { ...standardHeaders(ids.requestId, ids.clientRequestId), 'Content-Type': ERROR_JSON }, body: errorBody(error, ids) };
}

function send(res: Response, response: GraphResponse): void {
  res.status(response.status);
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  if (response.body === undefined) {
    res.end();
    return;
  }
  res.end(typeof response.body === 'string' ? response.body : JSON.stringify(response.body));
}
