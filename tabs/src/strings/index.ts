import { de } from './de';
import { en, type Strings } from './en';
import { setFormatLocale } from './format';
import { fr } from './fr';

export type { Strings };
export { dateTime, formatLocale, list, num, time } from './format';

/** The languages the tab speaks, by ISO 639-1 code. */
export const LANGUAGES: Record<string, Strings> = { en, de, fr };

/** The strings of the person's language; reassigned by {@link setLocale} before the tab renders. */
// A live binding: every component reads the chosen language at render time.
export let strings: Strings = en;

/**
 * Chooses the language from a BCP 47 tag (Teams' `app.getContext().app.locale`, such as `de-de`): its language
 * when the tab has it, English otherwise. Numbers and dates follow the full tag (so `fr-ca` formats as Canada does).
 */
export function setLocale(tag: string | undefined): string {
  const wanted = (tag ?? '').trim();
  const language = wanted.toLowerCase().split(/[-_]/)[0] ?? '';
  const known = LANGUAGES[language];
  strings = known ?? en;
  const chosen = known ? canonical(wanted) : 'en-US';
  setFormatLocale(chosen);
  if (typeof document !== 'undefined') document.documentElement.lang = chosen;
  return chosen;
}

function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag.replace('_', '-'))[0] ?? tag;
  } catch {
    return tag;
  }
}
