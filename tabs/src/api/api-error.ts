import { apiErrorBodySchema } from '../../../api/contract/admin';
import { strings } from '../strings';

/** A failed call, as the tab shows it: the server's stable `code`, the status and per-field paths. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Turns an error answer into an {@link ApiError}, keeping the server's code and field paths. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = apiErrorBodySchema.safeParse(body);
  if (!parsed.success) return new ApiError(response.status, `http_${response.status}`, `HTTP ${response.status}`);
  const { code, message, fields } = parsed.data.error;
  return new ApiError(response.status, code, message, fields ?? {});
}

export function networkError(): ApiError {
  return new ApiError(0, 'network', 'network');
}

/**
 * What to tell a person about anything a call threw: always a sentence of the tab's own strings, in their language,
 * chosen by the server's stable code (the server's English message is for logs and the command line).
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return strings.errors.unexpected;
  const e = strings.errors;
  const byCode: Record<string, string> = {
    network: e.network,
    forbidden: e.forbidden,
    unauthenticated: e.forbidden,
    not_found: e.notFound,
    conflict: e.notAllowedNow,
    rate_limited: e.rateLimited,
    validation_failed: e.validation,
    card_invalid: e.validation,
    card_too_large: e.cardTooLarge,
    csv_invalid: e.csvInvalid,
    audience_invalid: e.audienceInvalid,
    app_not_in_catalog: e.notInCatalog,
    database_unavailable: e.unavailable,
    payload_too_large: e.cardTooLarge,
  };
  return byCode[error.code] ?? (error.status === 503 ? e.unavailable : e.unexpected);
}
