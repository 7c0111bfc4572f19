/**
 * Graph's error body: `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}`
 * (concepts/errors.md, and every error example in concepts/json-batching.md).
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers (`Retry-After`, `WWW-Authenticate`). */
    readonly headers: Record<string, string> = {},
    /** Extra innerError fields (the 429 body carries `code`, `message` and `status` there). */
    readonly inner: Record<string, string> = {},
    /** The documented 429 body names the request id only; other errors echo the client's id too. */
    readonly echoClientRequestId = true,
  ) {
    super(message);
  }
}

export interface RequestIds {
  requestId: string;
  clientRequestId: string;
}

export function errorBody(error: GraphError, ids: RequestIds): Record<string, unknown> {
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        ...error.inner,
        // Graph's innerError date has no fraction and no zone: "2021-05-27T14:26:47".
        date: new Date().toISOString().slice(0, 19),
        'request-id': ids.requestId,
        ...(error.echoClientRequestId ? { 'client-request-id': ids.clientRequestId } : {}),
      },
    },
  };
}

/** Directory (Entra) objects that do not exist; the message is the one Graph gives for users and groups. */
export function directoryNotFound(id: string): GraphError {
  return new GraphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

/** The same error with more response headers. */
export function withHeaders(error: GraphError, headers: Record<string, string>): GraphError {
  return new GraphError(error.status, error.code, error.message, { ...headers, ...error.headers }, error.inner, error.echoClientRequestId);
}

export function badRequest(message: string, code = 'BadRequest'): GraphError {
  return new GraphError(400, code, message);
}

export function unsupportedQuery(message: string): GraphError {
  return new GraphError(400, 'Request_UnsupportedQuery', message);
}

/** The 400 Graph gives when a query needs `ConsistencyLevel: eventual` and `$count=true` (aad-advanced-queries). */
export function needsAdvancedQuery(operator: string): GraphError {
  return unsupportedQuery(
    `Operator '${operator}' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information`,
  );
}

export function teamsNotFound(message: string): GraphError {
  return new GraphError(404, 'NotFound', message);
}
