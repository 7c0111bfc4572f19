/** `@odata.context` as Graph writes it: `{base}/$metadata#users(id,displayName)` or `…#users/$entity`. */
export function contextUrl(baseUrl: string, entitySet: string, select?: string[], entity = false): string {
  const columns = select && select.length > 0 ? `(${select.join(',')})` : '';
  return `${baseUrl}/$metadata#${entitySet}${columns}${entity ? '/$entity' : ''}`;
}
