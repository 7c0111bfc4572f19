import { act, screen } from '@testing-library/react';
import { teamsDarkTheme, teamsLightTheme } from '@fluentui/react-components';
import type { TeamsSdk } from '../../tabs/src/host/teams-sdk';
import { tabConfig } from './support/fixtures';
import { renderTab, signedInServer } from './support/render-tab';

/** A Teams host as teams-js sees it: it answers initialize, context and auth token, and can switch themes. */
function fakeTeamsHost(theme: string) {
  let themeHandler: ((theme: string) => void) | undefined;
  const origins: string[][] = [];
  const sdk: TeamsSdk = {
    initialize: async (validOrigins) => void origins.push(validOrigins),
    getContext: async () => ({ theme, user: { id: 'u-adele', upn: 'adele@contoso.test', displayName: 'Adele Vance' } }),
    onThemeChange: (handler) => void (themeHandler = handler),
    getAuthToken: async () => 'teams-sso-token',
  };
  return { sdk, origins, switchTheme: (name: string) => themeHandler?.(name) };
}

/** The CSS variables Fluent generated for the provider around the tab. */
function providerCss(): string {
  const provider = document.querySelector('.fui-FluentProvider');
  const className = [...(provider?.classList ?? [])].find((name) => name.startsWith('fui-FluentProvider') && name !== 'fui-FluentProvider');
  const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
  return rules.filter((text) => className && text.includes(className)).join('\n');
}

describe('Teams host integration', () => {
  it('when hosted in Teams, then the tab calls the API with the host SSO token and admits the configured host origins', async () => {
    const server = signedInServer();
    server.on('GET', '/api/tab-config', { ...tabConfig, teamsHostOrigins: ['http://localhost:3979'] });
    const host = fakeTeamsHost('default');
    await renderTab(server, { sdk: host.sdk, hosted: true, href: 'http://tab.test/' });
    await screen.findByRole('button', { name: 'Compose' });
    expect(host.origins).toEqual([['http://localhost:3979']]);
    expect(server.to('GET', '/api/me')[0]?.headers.authorization).toBe('Bearer teams-sso-token');
    expect(server.to('POST', '/contoso/_emulator/sso-token')).toHaveLength(0);
  });

  it('when the host switches theme, then the tab switches its Fluent theme live', async () => {
    const host = fakeTeamsHost('default');
    await renderTab(signedInServer(), { sdk: host.sdk, hosted: true, href: 'http://tab.test/' });
    await screen.findByRole('button', { name: 'Compose' });
    expect(providerCss()).toContain(`--colorNeutralBackground1: ${teamsLightTheme.colorNeutralBackground1}`);

    act(() => host.switchTheme('dark'));
    expect(providerCss()).toContain(`--colorNeutralBackground1: ${teamsDarkTheme.colorNeutralBackground1}`);
  });

  it('when no host answers, then the tab signs in through the emulator SSO endpoint instead', async () => {
    const server = signedInServer();
    const silent: TeamsSdk = { ...fakeTeamsHost('default').sdk, initialize: () => new Promise(() => undefined) };
    await renderTab(server, { sdk: silent, hosted: true, href: 'http://tab.test/?upn=lee@contoso.test', timeoutMs: 50 });
    await screen.findByRole('button', { name: 'Compose' });
    expect(server.to('POST', '/contoso/_emulator/sso-token')[0]?.body).toEqual({ upn: 'lee@contoso.test', resource: 'api://tab.test/app-id' });
    expect(server.to('GET', '/api/me')[0]?.headers.authorization).toBe('Bearer sso-token-for-adele');
  });
});
