import { GraphError, unsupportedQuery } from '../errors';

interface SearchClause {
  property: string;
  value: string;
}

/** `$search="displayName:wa" OR "mail:wa"`: quoted `property:value` clauses joined by AND / OR. */
export interface SearchQuery {
  clauses: SearchClause[];
  joiner: 'and' | 'or';
}

export function parseSearch(text: string, searchable: readonly string[], resource: string): SearchQuery {
  const clauses: SearchClause[] = [];
  const joiners = new Set<string>();
  const pattern = /\s*"([^"]*)"\s*(?:(AND|OR)\s*|$)/giy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(text)) !== null && match[0] !== '') {
    consumed = pattern.lastIndex;
    const [property, ...rest] = match[1]!.split(':');
    if (rest.length === 0 || !property) throw new GraphError(400, 'Request_BadRequest', `Syntax error: the search clause '${match[1]}' must have the form "property:value".`);
    const known = searchable.find((name) => name.toLowerCase() === property.trim().toLowerCase());
    if (!known) throw unsupportedQuery(`Unsupported or invalid query search clause specified for property '${property}' of resource '${resource}'.`);
    clauses.push({ property: known, value: rest.join(':').trim().toLowerCase() });
    if (match[2]) joiners.add(match[2].toLowerCase());
  }
  if (clauses.length === 0 || consumed < text.length) {
    throw new GraphError(400, 'Request_BadRequest', `Syntax error: the $search value '${text}' is not valid; quote each clause, as in "displayName:value".`);
  }
  return { clauses, joiner: joiners.has('or') ? 'or' : 'and' };
}

/** Directory search is tokenized: a clause matches when any word of the property starts with its value. */
export function searchMatches(item: Record<string, unknown>, search: SearchQuery): boolean {
  const test = (clause: SearchClause): boolean => {
    const value = item[clause.property];
    if (typeof value !== 'string') return false;
    const text = value.toLowerCase();
    return text.startsWith(clause.value) || text.split(/[\s._@\-—]+/).some((word) => word.startsWith(clause.value));
  };
  return search.joiner === 'or' ? search.clauses.some(test) : search.clauses.every(test);
}
