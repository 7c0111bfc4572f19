import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { badRequest, errorBody, GraphError } from './errors';
import type { GraphCall, GraphRequest, GraphResponse, GraphResult, GraphRoute } from './types';

/** JSON batching (concepts/json-batching.md): at most 20 requests, unique ids, relative URLs. */
const MAX_REQUESTS = 20;

const innerRequestSchema = z.object({
  id: z.string().min(1),
  method: z.string().min(1),
  url: z.string().min(1),
  headers: z.record(z.string()).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string()).optional(),
});
const batchSchema = z.object({ requests: z.array(innerRequestSchema).min(1) });

type InnerRequest = z.infer<typeof innerRequestSchema>;

interface InnerResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

function parseBatch(body: unknown): InnerRequest[] {
  const parsed = batchSchema.safeParse(body);
  if (!parsed.success) throw badRequest('Invalid batch payload format.');
  const requests = parsed.data.requests;
  if (requests.length > MAX_REQUESTS) throw badRequest(`Number of requests in the batch exceeds the limit of ${MAX_REQUESTS}.`);
  // Ids are not case-sensitive.
  const ids = new Map(requests.map((request) => [request.id.toLowerCase(), request]));
  if (ids.size !== requests.length) throw badRequest('Batch request contains duplicate request ids.');
  for (const request of requests) {
    for (const dependency of request.dependsOn ?? []) {
      if (!ids.has(dependency.toLowerCase())) throw badRequest(`Request id '${request.id}' depends on request id '${dependency}', which is not in the batch.`);
    }
    if (request.body !== undefined && !headerOf(request, 'content-type')) {
      throw badRequest(`Write request id : ${request.id} does not contain Content-Type header or body.`);
    }
  }
  rejectCycles(requests, ids);
  return requests;
}

function headerOf(request: InnerRequest, name: string): string | undefined {
  return Object.entries(request.headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
}

function rejectCycles(requests: InnerRequest[], ids: Map<string, InnerRequest>): void {
  const done = new Set<string>();
  const visit = (request: InnerRequest, path: Set<string>): void => {
    const id = request.id.toLowerCase();
    if (done.has(id)) return;
    if (path.has(id)) throw badRequest(`Request id '${request.id}' has a circular dependency.`);
    path.add(id);
    for (const dependency of request.dependsOn ?? []) visit(ids.get(dependency.toLowerCase())!, path);
    path.delete(id);
    done.add(id);
  };
  for (const request of requests) visit(request, new Set());
}

/** The inner request as the dispatcher sees it: the outer token, the inner headers, the relative URL split. */
function toGraphRequest(outer: GraphRequest, inner: InnerRequest): GraphRequest {
  if (/^[a-z]+:\/\//i.test(inner.url)) throw badRequest(`The url of request id '${inner.id}' must be relative, such as /users.`);
  const relative = inner.url.startsWith('/') ? inner.url : `/${inner.url}`;
  const queryAt = relative.indexOf('?');
  const headers: Record<string, string | undefined> = { authorization: outer.headers['authorization'] };
  for (const [name, value] of Object.entries(inner.headers ?? {})) headers[name.toLowerCase()] = value;
  return {
    method: inner.method.toUpperCase(),
    version: outer.version,
    path: queryAt < 0 ? relative : relative.slice(0, queryAt),
    query: queryAt < 0 ? '' : relative.slice(queryAt + 1),
    headers,
    body: inner.body,
  };
}

function failure(id: string, error: GraphError): InnerResponse {
  const requestId = randomUUID();
  return { id, status: error.status, headers: { 'Content-Type': 'application/json', ...error.headers }, body: errorBody(error, { requestId, clientRequestId: requestId }) };
}

function answer(id: string, response: GraphResponse): InnerResponse {
  const { 'request-id': _requestId, 'client-request-id': _clientRequestId, ...headers } = response.headers;
  return response.body === undefined ? { id, status: response.status, headers } : { id, status: response.status, headers, body: response.body };
}

/**
 * Runs every inner request through the full dispatcher, each authorised and throttled on its own; independent
 * requests run concurrently, and one whose dependency failed answers 424 without running.
 */
async function runBatch(call: GraphCall): Promise<GraphResult> {
  const requests = parseBatch(call.request.body);
  call.ctx.counters.add('graph.batch');
  const byId = new Map(requests.map((request) => [request.id.toLowerCase(), request]));
  const running = new Map<string, Promise<InnerResponse>>();
  const run = (request: InnerRequest): Promise<InnerResponse> => {
    const key = request.id.toLowerCase();
    let promise = running.get(key);
    if (!promise) {
      promise = (async () => {
        const dependencies = await Promise.all((request.dependsOn ?? []).map((id) => run(byId.get(id.toLowerCase())!)));
        if (dependencies.some((dependency) => dependency.status >= 400)) {
          return failure(request.id, new GraphError(424, 'FailedDependency', 'The request depends on a request in the batch that failed.'));
        }
        try {
          return answer(request.id, await call.dispatch(toGraphRequest(call.request, request)));
        } catch (error) {
          if (error instanceof GraphError) return failure(request.id, error);
          throw error;
        }
      })();
      running.set(key, promise);
    }
    return promise;
  };
  const responses = await Promise.all(requests.map(run));
  return { status: 200, body: { responses } };
}

export const BATCH_ROUTES: GraphRoute[] = [{ method: 'POST', pattern: '/$batch', roles: [], denial: 'teams', limits: () => [], handle: runBatch }];
