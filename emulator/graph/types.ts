import type { EmulatorContext, LimitRequest } from '../context';
import type { ODataQuery } from './odata/query';

export type GraphVersion = 'v1.0' | 'beta';

/** One Graph request, as the express router or a `$batch` hands it to the dispatcher. */
export interface GraphRequest {
  method: string;
  version: GraphVersion;
  /** The path after the version, starting with `/` and still percent-encoded (`/users/a%23EXT%23…`). */
  path: string;
  /** The raw query string without its `?`. */
  query: string;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  /** The parsed JSON body, if any. */
  body: unknown;
}

export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  /** A JSON value, a plain-text string (for `$count`), or undefined for an empty body. */
  body: unknown;
}

/** What a route handler gets: the request plus everything parsed from it. */
export interface GraphCall {
  ctx: EmulatorContext;
  request: GraphRequest;
  params: Record<string, string>;
  query: ODataQuery;
  /** The emulator's base URL for this version (stands in for `https://graph.microsoft.com/v1.0`). */
  baseUrl: string;
  /** The verified token's claims. */
  claims: Record<string, unknown>;
  /** Dispatches another request in-process (what `$batch` does with its inner requests). */
  dispatch(request: GraphRequest): Promise<GraphResponse>;
}

/** A handler's answer; the dispatcher adds Graph's standard headers. */
export interface GraphResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Plain text (`$count`) instead of JSON. */
  text?: boolean;
}

/** One served operation: its path pattern, the permissions Microsoft documents for it, its throttles. */
export interface GraphRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** Segments separated by `/`; `{name}` matches any one segment. Literal segments match case-insensitively. */
  pattern: string;
  /** Application permissions, any one of which allows the call (the page's least-privileged and higher ones). */
  roles: readonly string[];
  /** Directory APIs deny with `Authorization_RequestDenied`, Teams APIs with `Forbidden`. */
  denial: 'directory' | 'teams';
  limits(call: GraphCall): LimitRequest[];
  handle(call: GraphCall): GraphResult | Promise<GraphResult>;
}
