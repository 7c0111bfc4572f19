import { GraphError } from '../errors';
import { option, splitList, type ODataQuery } from './query';

/** What `$select` may name on one resource, and what it returns when `$select` is absent. */
export interface SelectSpec {
  typeName: string;
  known: readonly string[];
  /** Graph returns only these when there is no `$select` (users: a documented default set). Undefined: everything. */
  defaults?: readonly string[];
  /** Directory APIs answer `Request_BadRequest`, Teams APIs `BadRequest`. */
  errorCode: string;
}

/** The `$select` list, checked against the resource's properties; undefined when absent. */
export function readSelect(query: ODataQuery, spec: SelectSpec): string[] | undefined {
  const raw = option(query, '$select');
  if (raw === undefined || raw.trim() === '' || raw.trim() === '*') return undefined;
  const names = splitList(raw);
  for (const name of names) {
    const known = spec.known.find((property) => property.toLowerCase() === name.toLowerCase());
    if (!known) throw new GraphError(400, spec.errorCode, `Could not find a property named '${name}' on type '${spec.typeName}'.`);
  }
  return names.map((name) => spec.known.find((property) => property.toLowerCase() === name.toLowerCase())!);
}

/** Keeps the selected (or default) properties, plus OData annotations such as `@odata.type`. */
export function project(item: Record<string, unknown>, select: string[] | undefined, spec: SelectSpec): Record<string, unknown> {
  const wanted = select ?? spec.defaults;
  if (!wanted) return item;
  const keep = new Set(wanted);
  return Object.fromEntries(Object.entries(item).filter(([key]) => key.startsWith('@') || keep.has(key)));
}
