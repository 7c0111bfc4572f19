import { PlatformError } from '../../core/ports/platform-error';
import { parseRetryAfter } from '../graph/retry-after';

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { bodyAsText?: string | null; headers?: { get(name: string): string | undefined } };
}

/**
 * Reads what the Bot Connector answered out of the SDK's error (an Azure `RestError`): the status, Teams' error
 * code, the `MessageWritesBlocked` sub-code of a blocked bot, and `Retry-After`.
 */
export function toPlatformError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  const rest = error as RestErrorLike;
  const status = typeof rest.statusCode === 'number' ? rest.statusCode : 0;
  const text = rest.response?.bodyAsText ?? '';
  const body = parse(text) as { error?: { code?: string; message?: string }; errorCode?: number; message?: string } | undefined;
  const code = body?.error?.code ?? (body?.errorCode !== undefined ? String(body.errorCode) : undefined) ?? (status === 0 ? 'TransportError' : rest.code);
  const message = body?.error?.message ?? body?.message ?? rest.message ?? 'the Bot Connector call failed';
  const subCode = /MessageWritesBlocked/.test(text) ? 'MessageWritesBlocked' : undefined;
  return new PlatformError('connector', status, code, message, {
    retryAfterMs: parseRetryAfter(rest.response?.headers?.get('retry-after')),
    subCode,
  });
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
