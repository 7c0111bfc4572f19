import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A documented example response from tests/contract/fixtures/graph, without its `_source` note. */
export function fixture(name: string): Record<string, unknown> {
  const { _source: _ignored, ...body } = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'graph', `${name}.json`), 'utf8')) as Record<string, unknown>;
  return body;
}

function kind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Differences between a response and a documented example, field by field: every documented key must be present
 * with the same JSON type (a documented `null` stands for "nullable": any type); arrays compare their first
 * items. With `exact`, the response may not carry keys the example lacks either.
 */
export function shapeDifferences(actual: unknown, documented: unknown, exact = false, at = '$'): string[] {
  if (documented === null) return [];
  if (kind(actual) !== kind(documented)) return [`${at}: expected ${kind(documented)}, got ${kind(actual)}`];
  if (Array.isArray(documented)) {
    const [first] = documented;
    const [actualFirst] = actual as unknown[];
    return first === undefined || actualFirst === undefined ? [] : shapeDifferences(actualFirst, first, exact, `${at}[0]`);
  }
  if (typeof documented !== 'object') return [];
  const actualObject = actual as Record<string, unknown>;
  const documentedObject = documented as Record<string, unknown>;
  const missing = Object.keys(documentedObject).filter((key) => !(key in actualObject)).map((key) => `${at}.${key}: missing`);
  const extra = exact ? Object.keys(actualObject).filter((key) => !(key in documentedObject)).map((key) => `${at}.${key}: not in the documented example`) : [];
  const nested = Object.keys(documentedObject)
    .filter((key) => key in actualObject)
    .flatMap((key) => shapeDifferences(actualObject[key], documentedObject[key], exact, `${at}.${key}`));
  return [...missing, ...extra, ...nested];
}
