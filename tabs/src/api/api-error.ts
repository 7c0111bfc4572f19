import { apiErrorBodySchema } from '../../../api/contract/admin';
import { strings } from '../strings/en';

/** A failed call, as the tab shows it: the server's stable `code`, a readable message and per-field messages. */
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

/** Turns an error answer into an {@link ApiError}, keeping the server's words when it sent the documented body. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = apiErrorBodySchema.safeParse(body);
  if (!parsed.success) return new ApiError(response.status, `http_${response.status}`, strings.errors.unexpected);
  const { code, message, fields } = parsed.data.error;
  return new ApiError(response.status, code, message, fields ?? {});
}

export function networkError(): ApiError {
  return new ApiError(0, 'network', strings.errors.network);
}

/** The message to show for anything a call threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return strings.errors.unexpected;
}
