/** The toolkit's placeholder syntax: `${{NAME}}`. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Every placeholder name in a template, once each, in order of first appearance. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/** Placeholders that may be empty: the name suffix is empty in production (the app is just "Herald"). */
export const OPTIONAL_PLACEHOLDERS: ReadonlySet<string> = new Set(['APP_NAME_SUFFIX']);

/** The names a template uses that have no value; an empty value counts as none unless the name is optional. */
export function missingPlaceholders(template: string, values: ReadonlyMap<string, string>): string[] {
  return placeholdersIn(template).filter((name) => !OPTIONAL_PLACEHOLDERS.has(name) && !values.get(name));
}

/**
 * Replaces every placeholder. Values are JSON-escaped because the templates are JSON documents and a value
 * (a display name, say) may contain quotes; callers check `missingPlaceholders` first.
 */
export function fillPlaceholders(template: string, values: ReadonlyMap<string, string>): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = values.get(name) ?? (OPTIONAL_PLACEHOLDERS.has(name) ? '' : undefined);
    if (value === undefined) throw new Error(`no value for ${name}`);
    return JSON.stringify(value).slice(1, -1);
  });
}
