/**
 * The person's locale for numbers and dates (a BCP 47 tag such as `de-DE`), set once from Teams' context before the
 * tab renders. The string tables call these, so a German tab writes "1.234" and "3. Dezember 2026".
 */
let current = 'en-US';

export function setFormatLocale(tag: string): void {
  current = tag;
}

export function formatLocale(): string {
  return current;
}

export function num(n: number): string {
  return n.toLocaleString(current);
}

/** A date and time in the person's locale (and, when given, in a time zone of their choosing). */
export function dateTime(iso: string | number, style: 'short' | 'medium' | 'full' = 'medium', timeZone?: string): string {
  return new Date(iso).toLocaleString(current, { dateStyle: style === 'full' ? 'full' : 'medium', timeStyle: style === 'medium' ? 'medium' : 'short', ...(timeZone ? { timeZone } : {}) });
}

export function time(iso: string | number): string {
  return new Date(iso).toLocaleTimeString(current, { timeStyle: 'short' });
}

/** "a, b and c" in the person's language. */
export function list(items: string[]): string {
  return new Intl.ListFormat(current, { style: 'long', type: 'conjunction' }).format(items);
}
