import { PlatformError } from '../../core/ports/platform-error';
import type { TokenProvider } from '../auth/token-provider';
import { parseRetryAfter } from './retry-after';

export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface GraphRequest {
  method: 'GET' | 'POST' | 'DELETE' | 'PATCH';
  /** Relative to the Graph base URL (`/users?$top=999`), or an absolute `@odata.nextLink`. */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One HTTP request to Microsoft Graph, with the app's token. Non-2xx answers become `PlatformError`s. */
export class GraphHttp {
  constructor(
    readonly baseUrl: string,
    private readonly token: TokenProvider,
    private readonly timeoutMs = 30_000,
  ) {}

  async request(request: GraphRequest): Promise<GraphResponse> {
    const url = /^https?:/.test(request.url) ? request.url : `${this.baseUrl.replace(/\/$/, '')}${request.url}`;
    const headers: Record<string, string> = { Authorization: `Bearer ${await this.token()}`, ...request.headers };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new PlatformError('graph', 0, 'TransportError', `Graph could not be reached (${(error as Error).message})`);
    }
    const text = await response.text();
    const body = text ? safeJson(text) : undefined;
    const result: GraphResponse = { status: response.status, headers: headersOf(response.headers), body };
    if (response.status >= 400) throw graphError(result);
    return result;
  }
}

/** Translates a failed Graph answer (direct or inside a `$batch`) into a PlatformError. */
export function graphError(response: GraphResponse): PlatformError {
  const error = (response.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  const retryAfter = response.headers['retry-after'] ?? response.headers['Retry-After'];
  return new PlatformError(
    'graph',
    response.status,
    error?.code,
    error?.message ?? `Graph answered ${response.status}`,
    { retryAfterMs: parseRetryAfter(retryAfter) },
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function headersOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}
