/** `1 card`, `2 cards`, `1,000 recipients`: a count with its noun. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
