/** The Content-Type Graph sends with OData JSON (see the per-response headers in concepts/json-batching.md). */
export const ODATA_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** Error bodies go out as plain `application/json`, as in the batching page's failed responses. */
export const ERROR_JSON = 'application/json';

export function standardHeaders(requestId: string, clientRequestId: string): Record<string, string> {
  return { 'Cache-Control': 'no-cache', 'request-id': requestId, 'client-request-id': clientRequestId };
}
