import { GraphError } from '../errors';
import type { GraphCall } from '../types';
import { option } from './query';

export interface PageSize {
  defaultSize: number;
  maxSize: number;
}

export interface Page<T> {
  items: T[];
  nextLink?: string;
}

const TOKEN_PREFIX = 'emulator-offset:';

/**
 * One page of a collection. The `$skiptoken` is opaque to clients (they follow `@odata.nextLink` verbatim);
 * here it carries the offset of the next item.
 */
export function pageOf<T>(items: T[], call: GraphCall, size: PageSize): Page<T> {
  const top = readTop(call, size);
  const offset = readSkipToken(call);
  const slice = items.slice(offset, offset + top);
  const next = offset + top;
  return next < items.length ? { items: slice, nextLink: nextLink(call, next) } : { items: slice };
}

function readTop(call: GraphCall, size: PageSize): number {
  const raw = option(call.query, '$top');
  if (raw === undefined) return size.defaultSize;
  const top = Number(raw);
  if (!Number.isInteger(top) || top < 1 || top > size.maxSize) {
    throw new GraphError(400, 'Request_BadRequest', `Invalid page size specified: '${raw}'. Must be between 1 and ${size.maxSize} inclusive.`);
  }
  return top;
}

function readSkipToken(call: GraphCall): number {
  const raw = option(call.query, '$skiptoken');
  if (raw === undefined) return 0;
  const decoded = Buffer.from(raw, 'base64url').toString('utf8');
  const offset = decoded.startsWith(TOKEN_PREFIX) ? Number(decoded.slice(TOKEN_PREFIX.length)) : NaN;
  if (!Number.isInteger(offset) || offset < 0) throw new GraphError(400, 'Request_BadRequest', 'Invalid skip token.');
  return offset;
}

/** The same request with a new `$skiptoken`, on the emulator's own base URL so clients can follow it. */
function nextLink(call: GraphCall, offset: number): string {
  const token = Buffer.from(`${TOKEN_PREFIX}${offset}`).toString('base64url');
  const kept = call.query.rawPairs.filter((pair) => decodeURIComponent(pair.split('=')[0] ?? '').toLowerCase() !== '$skiptoken');
  return `${call.baseUrl}${call.request.path}?${[...kept, `$skiptoken=${token}`].join('&')}`;
}
