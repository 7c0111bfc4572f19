import { badRequest } from '../errors';

/** The OData system query options of one request, keys lower-cased (`$orderBy` and `$orderby` are one option). */
export interface ODataQuery {
  /** Decoded values by lower-cased name. */
  options: Map<string, string>;
  /** The raw `name=value` pairs in their original order and encoding, for building `@odata.nextLink`. */
  rawPairs: string[];
}

export function parseQuery(raw: string): ODataQuery {
  const options = new Map<string, string>();
  const rawPairs: string[] = [];
  for (const pair of raw.split('&')) {
    if (!pair) continue;
    rawPairs.push(pair);
    const equals = pair.indexOf('=');
    const name = decode(equals < 0 ? pair : pair.slice(0, equals)).trim().toLowerCase();
    const value = equals < 0 ? '' : decode(pair.slice(equals + 1));
    if (options.has(name)) throw badRequest(`Query option '${name}' was specified more than once, but it must be specified at most once.`);
    options.set(name, value);
  }
  return { options, rawPairs };
}

function decode(text: string): string {
  try {
    // Form-style `+` for space, as browsers and some SDKs send it.
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw badRequest(`The query specified in the URI is not valid. Malformed escape in '${text}'.`);
  }
}

export function option(query: ODataQuery, name: string): string | undefined {
  return query.options.get(name);
}

/** `$count=true`; Graph ignores it silently without `ConsistencyLevel: eventual` (aad-advanced-queries). */
export function wantsCount(query: ODataQuery): boolean {
  return option(query, '$count')?.toLowerCase() === 'true';
}

export function isEventual(headers: Record<string, string | undefined>): boolean {
  return headers['consistencylevel']?.toLowerCase() === 'eventual';
}

/** Advanced query capabilities: the ConsistencyLevel header and `$count=true` together. */
export function isAdvanced(query: ODataQuery, headers: Record<string, string | undefined>): boolean {
  return isEventual(headers) && wantsCount(query);
}

/** Comma-separated lists (`$select`, `$expand`), splitting only at the top level of parentheses. */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      items.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim()) items.push(current.trim());
  return items;
}
