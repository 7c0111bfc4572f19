import type { ZodError } from 'zod';

/** Field messages keyed by dotted path (`buttons.0.url`); the first message per field wins. */
export type FieldErrors = Record<string, string>;

export function fieldErrors(error: ZodError | undefined, prefix = ''): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error?.issues ?? []) {
    const key = prefix + issue.path.join('.');
    result[key] ??= issue.message;
  }
  return result;
}

/** The server's `fields` use body paths (`content.title`); the form uses content paths (`title`). */
export function stripPrefix(fields: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(Object.entries(fields).map(([key, message]) => [key.startsWith(prefix) ? key.slice(prefix.length) : key, message]));
}
