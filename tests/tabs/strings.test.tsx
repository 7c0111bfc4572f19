import { screen } from '@testing-library/react';
import type { TeamsSdk } from '../../tabs/src/host/teams-sdk';
import { LANGUAGE_LOADERS, LANGUAGES, loadLanguage, setLocale } from '../../tabs/src/strings';
import { en } from '../../tabs/src/strings/en';
import { renderTab, signedInServer } from './support/render-tab';

/** Every key path of a strings tree, with the kind of value at each (a sentence, or a function of given arity). */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path} (function/${value.length})`];
  if (typeof value === 'string') return [`${path} (string)`];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => shape(child, path ? `${path}.${key}` : key));
}

/** Every leaf rendered with sample arguments, so an empty or untranslated entry shows. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'function') return [[path, String((value as (...args: unknown[]) => unknown)(...Array.from({ length: value.length }, (_, i) => (i === 0 ? 2 : 'X'))))]];
  if (typeof value === 'string') return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
}

describe('the tab in the person’s language', () => {
  beforeAll(async () => {
    for (const code of Object.keys(LANGUAGE_LOADERS)) await loadLanguage(code);
  });
  afterEach(() => setLocale('en-US'));

  it.each(Object.keys(LANGUAGE_LOADERS).filter((code) => code !== 'en'))('when the language is %s, then no string is missing or empty', (code) => {
    const strings = LANGUAGES[code]!;
    expect(shape(strings)).toEqual(shape(en));
    for (const [path, text] of leaves(strings)) expect({ path, empty: text.trim() === '' }).toEqual({ path, empty: false });
  });

  it('when German and French leaves are compared with English, then most are translated (names such as "Herald" may stay)', () => {
    for (const code of ['de', 'fr']) {
      const english = new Map(leaves(en));
      const same = leaves(LANGUAGES[code]!).filter(([path, text]) => english.get(path) === text).map(([path]) => path);
      expect({ code, same }).toEqual({ code, same: expect.any(Array) });
      expect(same.length).toBeLessThan(12);
    }
  });

  it('when Teams says the person uses German, then the tab speaks German and formats numbers the German way', async () => {
    const sdk: TeamsSdk = {
      initialize: async () => undefined,
      getContext: async () => ({ theme: 'default', locale: 'de-de', user: { id: 'u-adele', upn: 'adele@contoso.test', displayName: 'Adele Vance' } }),
      onThemeChange: () => undefined,
      getAuthToken: async () => 'teams-sso-token',
    };
    await renderTab(signedInServer(), { sdk, hosted: true, href: 'http://tab.test/' });
    expect(await screen.findByRole('button', { name: 'Verfassen' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Benachrichtigung verfassen' })).toBeInTheDocument();
    expect(screen.getByText('Angemeldet als Adele Vance · Absender')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('de-DE');
    expect(LANGUAGES.de!.audience.count(1234)).toBe('1.234 Empfänger');
  });

  it('when the Teams language is one the tab does not have, then it falls back to English', async () => {
    expect(setLocale('ja-jp')).toBe('en-US');
    expect(setLocale('fr-CA')).toBe('fr-CA');
  });
});
