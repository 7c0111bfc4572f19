import { randomUUID } from 'node:crypto';
import type { EmulatorContext, LimitRequest } from '../context';
import { authenticate, authorize } from './auth';
import { errorBody, GraphError, withHeaders, type RequestIds } from './errors';
import { ERROR_JSON, ODATA_JSON, standardHeaders } from './headers';
import { matchRoute } from './match';
import { parseQuery } from './odata/query';
import { GRAPH_ROUTES } from './routes';
import type { GraphCall, GraphRequest, GraphResponse, GraphResult } from './types';

/**
 * The emulated Graph: one request in, one response out, with no HTTP framework involved, so `$batch` can run its
 * inner requests through exactly the same authentication, permission checks and throttles.
 */
export async function handleGraphRequest(ctx: EmulatorContext, request: GraphRequest): Promise<GraphResponse> {
  const requestId = randomUUID();
  // Graph echoes the client's id, or repeats its own when the client sent none.
  const ids: RequestIds = { requestId, clientRequestId: request.headers['client-request-id'] ?? requestId };
  ctx.counters.add('graph.requests');
  try {
    const result = await run(ctx, request);
    ctx.counters.add(`graph.${result.status}`);
    return respond(result, ids);
  } catch (thrown) {
    const error = thrown instanceof GraphError ? thrown : internalError(ctx, thrown);
    ctx.counters.add(`graph.${error.status}`);
    return {
      status: error.status,
      headers: { ...standardHeaders(ids.requestId, ids.clientRequestId), 'Content-Type': ERROR_JSON, ...error.headers },
      body: errorBody(error, ids),
    };
  }
}

async function run(ctx: EmulatorContext, request: GraphRequest): Promise<GraphResult> {
  const claims = await authenticate(ctx, request.headers['authorization']);
  const { route, params } = matchRoute(GRAPH_ROUTES, request.method, request.path);
  const call: GraphCall = {
    ctx,
    request,
    params,
    query: parseQuery(request.query),
    baseUrl: request.version === 'beta' ? ctx.urls.graphBetaBaseUrl : ctx.urls.graphBaseUrl,
    claims,
    dispatch: (inner) => handleGraphRequest(ctx, inner),
  };
  const limits = route.limits(call);
  const units = limits.find((limit) => limit.rule === 'graph.directory');
  // Directory answers, refusals included, say what they cost against the resource-unit bucket.
  const unitHeader: Record<string, string> = units ? { 'x-ms-resource-unit': String(units.cost ?? 1) } : {};
  try {
    if (route.roles.length > 0) authorize(route, claims);
    throttle(ctx, limits);
    const result = await route.handle(call);
    return { ...result, headers: { ...unitHeader, ...result.headers } };
  } catch (error) {
    throw error instanceof GraphError ? withHeaders(error, unitHeader) : error;
  }
}

function throttle(ctx: EmulatorContext, requests: LimitRequest[]): void {
  if (requests.length === 0) return;
  const decision = ctx.limits.take(requests);
  if (decision.allowed) return;
  ctx.log('graph throttled', { rule: decision.rule, retryAfterSeconds: decision.retryAfterSeconds });
  throw new GraphError(
    429,
    'TooManyRequests',
    'Please retry again later.',
    { 'Retry-After': String(decision.retryAfterSeconds) },
    { code: '429', message: 'Please retry after', status: '429' },
    false,
  );
}

function respond(result: GraphResult, ids: RequestIds): GraphResponse {
  const headers = { ...standardHeaders(ids.requestId, ids.clientRequestId), ...result.headers };
  if (result.body === undefined) return { status: result.status, headers, body: undefined };
  if (result.text) return { status: result.status, headers: { ...headers, 'Content-Type': 'text/plain' }, body: result.body };
  return { status: result.status, headers: { ...headers, 'Content-Type': ODATA_JSON, 'OData-Version': '4.0' }, body: result.body };
}

function internalError(ctx: EmulatorContext, thrown: unknown): GraphError {
  ctx.log('graph handler failed', { error: thrown instanceof Error ? thrown.stack : String(thrown) });
  return new GraphError(500, 'InternalServerError', 'An internal server error occurred.');
}
