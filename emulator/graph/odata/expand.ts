import { GraphError } from '../errors';
import { option, splitList, type ODataQuery } from './query';

/**
 * `$expand=teamsApp,teamsAppDefinition` or `appDefinitions($expand=bot)`: the expanded navigation properties
 * (by their canonical name) with any nested `$expand` inside the parentheses.
 */
export function readExpand(query: ODataQuery, navigable: readonly string[], typeName: string): Map<string, string[]> {
  const expanded = new Map<string, string[]>();
  const raw = option(query, '$expand');
  if (raw === undefined || raw.trim() === '') return expanded;
  for (const item of splitList(raw)) {
    const match = /^([^(]+)(?:\((.*)\))?$/.exec(item.trim());
    const name = navigable.find((known) => known.toLowerCase() === match?.[1]?.trim().toLowerCase());
    if (!match || !name) {
      throw new GraphError(400, 'BadRequest', `Parsing OData Select and Expand failed: Could not find a property named '${item}' on type '${typeName}'.`);
    }
    const nested = /\$expand=([^;)]*)/i.exec(match[2] ?? '')?.[1];
    expanded.set(name, nested ? splitList(nested) : []);
  }
  return expanded;
}
