/**
 * The one error type Herald raises. `code` is stable (clients and tests match on it), `status` is the HTTP
 * status an API answers with, `retryable` says whether trying the same thing again later can succeed.
 */
export class HeraldError extends Error {
  readonly code: HeraldErrorCode;
  readonly status: number;
  readonly retryable: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: HeraldErrorCode, message: string, options: { status?: number; retryable?: boolean; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'HeraldError';
    this.code = code;
    this.status = options.status ?? DEFAULT_STATUS[code] ?? 500;
    this.retryable = options.retryable ?? false;
    this.details = options.details;
  }
}

export function isHeraldError(error: unknown): error is HeraldError {
  return error instanceof HeraldError;
}

/** Every code Herald uses. Add new ones here so they stay unique and documented in one place. */
export type HeraldErrorCode =
  | 'config_invalid'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'card_invalid'
  | 'card_too_large'
  | 'csv_invalid'
  | 'audience_invalid'
  | 'app_not_in_catalog'
  | 'graph_error'
  | 'connector_error'
  | 'database_unavailable'
  | 'internal';

const DEFAULT_STATUS: Partial<Record<HeraldErrorCode, number>> = {
  config_invalid: 500,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  card_invalid: 400,
  card_too_large: 413,
  csv_invalid: 400,
  audience_invalid: 400,
  app_not_in_catalog: 424,
  graph_error: 502,
  connector_error: 502,
  database_unavailable: 503,
  internal: 500,
};
