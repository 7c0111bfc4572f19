/**
 * What Microsoft answered when a Graph or Connector call did not succeed, in a form the delivery policy can
 * classify. Adapters translate HTTP answers (and transport failures) into this; core never sees HTTP types.
 */
export class PlatformError extends Error {
  constructor(
    readonly service: 'graph' | 'connector',
    /** HTTP status, or 0 for a transport failure (timeout, reset connection). */
    readonly status: number,
    /** The service's error code (`ConversationBlockedByUser`, `Forbidden`, `TooManyRequests`, …) when it gave one. */
    readonly code: string | undefined,
    message: string,
    readonly options: { retryAfterMs?: number; subCode?: string } = {},
  ) {
    super(message);
    this.name = 'PlatformError';
  }

  get retryAfterMs(): number | undefined {
    return this.options.retryAfterMs;
  }

  get subCode(): string | undefined {
    return this.options.subCode;
  }
}
