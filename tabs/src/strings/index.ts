import { en, type Strings } from './en';
import { setFormatLocale } from './format';

export type { Strings };
export { dateTime, formatLocale, list, num, time } from './format';

/**
 * The languages the tab speaks, by ISO 639-1 code. English is in the first chunk; the others are fetched once, for
 * the person who needs them ({@link loadLanguage} before the first render), so nobody downloads three languages.
 */
export const LANGUAGE_LOADERS: Record<string, () => Promise<Strings>> = {
  en: async () => en,
  de: () => import('./de').then((m) => m.de),
  fr: () => import('./fr').then((m) => m.fr),
};

/** The languages loaded so far. */
export const LANGUAGES: Record<string, Strings> = { en };

function languageOf(tag: string | undefined): string {
  return (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** Fetches the strings of `tag`'s language when the tab has it (a no-op for English and unknown languages). */
export async function loadLanguage(tag: string | undefined): Promise<void> {
  const language = languageOf(tag);
  const load = LANGUAGE_LOADERS[language];
  if (load && !LANGUAGES[language]) LANGUAGES[language] = await load();
}

/** The strings of the person's language; reassigned by {@link setLocale} before the tab renders. */
// A live binding: every component reads the chosen language at render time.
export let strings: Strings = en;

/**
 * Chooses the language from a BCP 47 tag (Teams' `app.getContext().app.locale`, such as `de-de`): its language
 * when the tab has it (and {@link loadLanguage} fetched it), English otherwise. Numbers and dates follow the full tag (so `fr-ca` formats as Canada does).
 */
export function setLocale(tag: string | undefined): string {
  const wanted = (tag ?? '').trim();
  const known = LANGUAGES[languageOf(wanted)];
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
