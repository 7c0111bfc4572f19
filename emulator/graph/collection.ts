import { GraphError, unsupportedQuery } from './errors';
import { checkFilter, matches, type FilterPolicy } from './odata/filter-eval';
import { parseFilter } from './odata/filter-parser';
import { pageOf, type Page, type PageSize } from './odata/paging';
import { isAdvanced, isEventual, option } from './odata/query';
import { parseSearch, searchMatches } from './odata/search';
import { contextUrl } from './odata/context-url';
import { project, readSelect, type SelectSpec } from './odata/select';
import type { GraphCall, GraphResult } from './types';

type Item = Record<string, unknown>;

/**
 * How one collection answers the OData system query options. `Stored` is what `items` holds: full representations
 * (navigation properties included, so filters can reach them), or records `resource` turns into them.
 */
export interface CollectionSpec<Stored = Item> {
  items: Stored[];
  /** The `@odata.context` entity set, such as `users` or `teams('…')/members`. */
  entitySet: string;
  filter: FilterPolicy;
  select: SelectSpec;
  /** Directory (Entra) semantics: no `$skip`, `$search` and `$count` only with `ConsistencyLevel: eventual`. */
  directory: boolean;
  searchable?: readonly string[];
  orderable?: readonly string[];
  /** Server-side paging; undefined for collections Graph returns whole. */
  paging?: PageSize;
  /** Applied after filtering, before `$select`: drops navigation properties that were not expanded. */
  present?: (item: Item) => Item;
  /** Builds the representation of a stored record; without it `items` are the representations. */
  resource?(record: Stored): Item;
  /** Answers `@odata.count` for this request even without `$count=true` (where Microsoft's documented examples do). */
  countedWithoutAsking?(call: GraphCall): boolean;
}

const QUERY_OPTIONS = ['$search', '$filter', '$orderby'];

export function listCollection<Stored = Item>(call: GraphCall, spec: CollectionSpec<Stored>): GraphResult {
  if (spec.directory && option(call.query, '$skip') !== undefined) {
    throw new GraphError(400, 'Request_BadRequest', "'$skip' is not supported by the service.");
  }
  const select = readSelect(call.query, spec.select);
  const build = (record: Stored): Item => (spec.resource ? spec.resource(record) : (record as Item));
  // A query reads every representation; a plain read builds only the page's (a 100,000-user tenant read in pages
  // stays linear).
  let total: number;
  let page: Page<Item>;
  if (QUERY_OPTIONS.some((name) => option(call.query, name) !== undefined)) {
    const selected = ordered(call, spec, filtered(call, spec, searched(call, spec, spec.items.map(build))));
    total = selected.length;
    page = pageOrAll(call, spec, selected);
  } else {
    const records = pageOrAll(call, spec, spec.items);
    total = spec.items.length;
    page = { ...records, items: records.items.map(build) };
  }
  const count = wantsCountedResult(call, spec) ? { '@odata.count': total } : {};
  const next = page.nextLink ? { '@odata.nextLink': page.nextLink } : {};
  const value = page.items.map((item) => project(spec.present ? spec.present(item) : item, select, spec.select));
  return { status: 200, body: { '@odata.context': contextUrl(call.baseUrl, spec.entitySet, select), ...count, ...next, value } };
}

function pageOrAll<T>(call: GraphCall, spec: CollectionSpec<unknown>, items: T[]): Page<T> {
  return spec.paging ? pageOf(items, call, spec.paging) : { items };
}

function wantsCountedResult(call: GraphCall, spec: CollectionSpec<unknown>): boolean {
  const asked = option(call.query, '$count')?.toLowerCase() === 'true';
  return (asked && (!spec.directory || isEventual(call.request.headers))) || spec.countedWithoutAsking?.(call) === true;
}

function searched(call: GraphCall, spec: CollectionSpec<unknown>, items: Item[]): Item[] {
  const raw = option(call.query, '$search');
  if (raw === undefined || !spec.searchable) return items;
  if (spec.directory && !isEventual(call.request.headers)) {
    throw unsupportedQuery("Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
  }
  const search = parseSearch(raw, spec.searchable, spec.filter.resource);
  return items.filter((item) => searchMatches(item, search));
}

function filtered(call: GraphCall, spec: CollectionSpec<unknown>, items: Item[]): Item[] {
  const raw = option(call.query, '$filter');
  if (raw === undefined || raw.trim() === '') return items;
  const node = parseFilter(raw);
  checkFilter(node, spec.filter, isAdvanced(call.query, call.request.headers));
  return items.filter((item) => matches(node, item));
}

function ordered(call: GraphCall, spec: CollectionSpec<unknown>, items: Item[]): Item[] {
  const raw = option(call.query, '$orderby');
  if (raw === undefined || raw.trim() === '') return items;
  const [name = '', direction = 'asc'] = raw.trim().split(/\s+/);
  const property = spec.orderable?.find((known) => known.toLowerCase() === name.toLowerCase());
  if (!property) throw unsupportedQuery(`Unsupported sort property '${name}' for '${spec.filter.resource}'.`);
  const sign = direction.toLowerCase() === 'desc' ? -1 : 1;
  return [...items].sort((a, b) => sign * String(a[property] ?? '').localeCompare(String(b[property] ?? '')));
}
