import { GraphError, needsAdvancedQuery, unsupportedQuery } from '../errors';
import type { FilterNode, Literal, PropertyPath } from './filter-parser';

/** What one resource lets clients filter on, as Graph's query documentation for it says. */
export interface FilterPolicy {
  /** The name Graph uses in errors (`User`, `Group`). */
  resource: string;
  /** The OData type (`microsoft.graph.user`). */
  typeName: string;
  /** Filterable property paths, `/`-joined and lower-case; lambda bodies join onto the collection (`installedapps/teamsapp/id`). */
  filterable: string[];
  /** Properties that exist but cannot be filtered on. */
  known: string[];
  /** Operators that need advanced query capabilities (ConsistencyLevel + $count). */
  advancedOnly: string[];
  /** Operators the resource does not support at all. */
  unsupported: string[];
}

type Scope = Map<string, unknown>;

/** Throws the 400 Graph gives when the filter uses a property or operator the resource does not support. */
export function checkFilter(node: FilterNode, policy: FilterPolicy, advanced: boolean, prefix: string[] = [], variables: string[] = []): void {
  switch (node.kind) {
    case 'and':
    case 'or':
      checkFilter(node.left, policy, advanced, prefix, variables);
      checkFilter(node.right, policy, advanced, prefix, variables);
      return;
    case 'not':
      checkOperator('not', policy, advanced);
      checkFilter(node.operand, policy, advanced, prefix, variables);
      return;
    case 'lambda': {
      const collection = keyOf(node.path, prefix, variables);
      checkFilter(node.predicate, policy, advanced, collection, [...variables, node.variable]);
      return;
    }
    default:
      checkOperator(node.kind === 'compare' ? node.op : node.kind === 'call' ? node.name : 'in', policy, advanced);
      checkProperty(keyOf(node.path, prefix, variables), policy);
  }
}

function keyOf(path: PropertyPath, prefix: string[], variables: string[]): string[] {
  const segments = path.segments.map((segment) => segment.toLowerCase());
  const relative = variables.includes(path.segments[0] ?? '') ? segments.slice(1) : segments;
  return [...prefix, ...relative];
}

function checkOperator(operator: string, policy: FilterPolicy, advanced: boolean): void {
  if (policy.unsupported.includes(operator)) throw unsupportedQuery(`Unsupported query.`);
  if (policy.advancedOnly.includes(operator) && !advanced) throw needsAdvancedQuery(operator);
}

function checkProperty(key: string[], policy: FilterPolicy): void {
  const joined = key.join('/');
  if (policy.filterable.includes(joined)) return;
  const last = key[key.length - 1] ?? '';
  if (policy.known.includes(joined) || policy.filterable.some((path) => path.startsWith(`${joined}/`))) {
    throw unsupportedQuery(`Unsupported or invalid query filter clause specified for property '${last}' of resource '${policy.resource}'.`);
  }
  throw new GraphError(400, 'Request_BadRequest', `Could not find a property named '${key[0] ?? ''}' on type '${policy.typeName}'.`);
}

/** Whether a resource (its full JSON representation) satisfies the filter. */
export function matches(node: FilterNode, item: unknown, scope: Scope = new Map()): boolean {
  switch (node.kind) {
    case 'and':
      return matches(node.left, item, scope) && matches(node.right, item, scope);
    case 'or':
      return matches(node.left, item, scope) || matches(node.right, item, scope);
    case 'not':
      return !matches(node.operand, item, scope);
    case 'compare':
      return compare(resolve(item, node.path, scope), node.op, node.value);
    case 'in':
      return node.values.some((value) => compare(resolve(item, node.path, scope), 'eq', value));
    case 'call':
      return callMatches(node.name, resolve(item, node.path, scope), node.value);
    case 'lambda': {
      const collection = resolve(item, node.path, scope);
      if (!Array.isArray(collection)) return false;
      const test = (element: unknown): boolean => matches(node.predicate, item, new Map(scope).set(node.variable, element));
      return node.name === 'any' ? collection.some(test) : collection.every(test);
    }
  }
}

function resolve(item: unknown, path: PropertyPath, scope: Scope): unknown {
  const [first, ...rest] = path.segments;
  let value: unknown = first !== undefined && scope.has(first) ? scope.get(first) : item;
  const segments = first !== undefined && scope.has(first) ? rest : path.segments;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const record = value as Record<string, unknown>;
    const key = Object.keys(record).find((name) => name.toLowerCase() === segment.toLowerCase());
    value = key === undefined ? undefined : record[key];
  }
  return value;
}

/** String comparisons ignore case, as directory queries do. */
function compare(actual: unknown, op: string, expected: Literal): boolean {
  if (expected === null) return op === 'eq' ? actual === null || actual === undefined : op === 'ne' ? actual !== null && actual !== undefined : false;
  const left = typeof actual === 'string' ? actual.toLowerCase() : actual;
  const right = typeof expected === 'string' ? expected.toLowerCase() : expected;
  switch (op) {
    case 'eq':
      return left === right;
    case 'ne':
      return left !== right;
    default:
      return ordered(left, op, right);
  }
}

function ordered(left: unknown, op: string, right: unknown): boolean {
  if (typeof left !== typeof right || (typeof left !== 'string' && typeof left !== 'number')) return false;
  const a = left as string | number;
  const b = right as string | number;
  if (op === 'gt') return a > b;
  if (op === 'ge') return a >= b;
  if (op === 'lt') return a < b;
  return a <= b;
}

function callMatches(name: string, actual: unknown, expected: Literal): boolean {
  if (typeof actual !== 'string' || typeof expected !== 'string') return false;
  const value = actual.toLowerCase();
  const part = expected.toLowerCase();
  if (name === 'startswith') return value.startsWith(part);
  if (name === 'endswith') return value.endsWith(part);
  return value.includes(part);
}
