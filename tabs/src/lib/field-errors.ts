import type { ZodError, ZodIssue } from 'zod';
import { MAX_BUTTONS, MAX_POLL_OPTIONS } from '../../../api/contract/card-content';
import { strings } from '../strings';

/** Field messages keyed by dotted path (`buttons.0.url`); the first message per field wins. */
export type FieldErrors = Record<string, string>;

/**
 * The shared schema's refusals as the tab's sentences, in the person's language: each is chosen by the field's path
 * and the kind of issue, never the schema's own (English, lower-case) words.
 */
export function fieldErrors(error: ZodError | undefined): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error?.issues ?? []) result[issue.path.join('.')] ??= messageFor(issue);
  return result;
}

function messageFor(issue: ZodIssue): string {
  const v = strings.validation;
  const path = issue.path.map(String);
  const field = path[0];
  const last = path[path.length - 1];
  if (issue.code === 'too_big' && issue.type === 'string') return field === 'title' ? v.titleTooLong(Number(issue.maximum)) : v.tooLong(Number(issue.maximum));
  if (field === 'title') return v.titleRequired;
  if (last === 'url' || field === 'imageUrl') return issue.code === 'custom' ? v.urlHttps : v.urlFull;
  if (field === 'buttons') return path.length > 1 ? v.buttonLabel : v.buttonsMax(MAX_BUTTONS);
  if (field === 'poll' && path[1] === 'question') return v.pollQuestion;
  if (field === 'poll' && path[1] === 'options') {
    if (path.length > 2) return v.optionEmpty;
    if (issue.code === 'too_small') return v.optionsMin;
    if (issue.code === 'too_big') return v.optionsMax(MAX_POLL_OPTIONS);
    return v.optionsDiffer;
  }
  return v.invalid;
}

/**
 * The server's `fields` use body paths (`content.title`); the form uses content paths (`title`). The server's words
 * are English: the field is marked with the tab's own sentence.
 */
export function fieldsFromServer(fields: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(Object.keys(fields).map((key) => [key.startsWith(prefix) ? key.slice(prefix.length) : key, strings.validation.invalid]));
}
