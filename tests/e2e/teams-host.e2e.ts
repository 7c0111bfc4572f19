import { createLocalJWKSet, jwtVerify } from 'jose';
import type { Page } from 'playwright-core';
import type { RunningEmulator } from '../../emulator/server';
import { startTestEmulator } from '../support/emulator';
import { launchBrowser, type Browser } from './support/browser';
import { startTeamsJsFixture, type TeamsJsFixture } from './support/teams-js-fixture';
import { waitForText } from './support/wait';

/**
 * The emulator's Teams client hosting a tab that runs the real @microsoft/teams-js bundle: the handshake, the
 * context, the SSO token and theme changes, over the same postMessage protocol Teams uses.
 */
describe('the Teams client hosts a teams-js tab', () => {
  let emulator: RunningEmulator;
  let browser: Browser;
  let trusting: TeamsJsFixture;
  let page: Page;

  beforeAll(async () => {
    emulator = await startTestEmulator({ users: 20 });
    trusting = await startTeamsJsFixture([new URL(emulator.info.teamsClientUrl).origin]);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await trusting?.close();
    await emulator?.close();
  });

  beforeEach(async () => {
    page = await browser.context.newPage();
  });

  afterEach(async () => {
    await page.close();
  });

  const user = () => emulator.context.state.directory.users[3]!;
  const open = (tabUrl: string, extra = '') =>
    page.goto(`${emulator.info.teamsClientUrl}?user=${user().id}&pane=tab&tab=${encodeURIComponent(tabUrl)}${extra}`);
  const tab = () => page.frameLocator('[data-testid="hosted-tab"]');

  it('when the tab initializes with the client origin allowed, then teams-js completes the handshake and reads the context', async () => {
    await open(trusting.url);

    await waitForText(tab().locator('[data-testid="initialized"]'), 'yes');
    const context = JSON.parse(await waitForText(tab().locator('[data-testid="context"]'), (text) => text.startsWith('{')));
    expect(context.user).toMatchObject({ id: user().id, userPrincipalName: user().userPrincipalName, loginHint: user().userPrincipalName, displayName: user().displayName, tenant: { id: emulator.info.tenantId } });
    expect(context.app).toMatchObject({ theme: 'default', locale: 'en-us', appId: emulator.info.externalId, host: { name: 'Teams', clientType: 'web' } });
    expect(context.page).toMatchObject({ id: 'herald-admin', frameContext: 'content' });
    // The runtime the host sent decides isSupported(): teamsCore is listed, dialogs are not.
    expect(JSON.parse(await waitForText(tab().locator('[data-testid="supports"]'), (text) => text.startsWith('{')))).toEqual({ teamsCore: true, dialog: false });
  });

  it('when the tab asks for an auth token, then it gets the signed-in user\'s SSO token for its resource, signed by the emulated authority', async () => {
    await open(trusting.url);

    const token = await waitForText(tab().locator('[data-testid="token"]'), (text) => text.split('.').length === 3);
    const keys = await (await fetch(`${emulator.info.authorityBaseUrl}/${emulator.info.tenantId}/discovery/v2.0/keys`)).json();
    const { payload } = await jwtVerify(token, createLocalJWKSet(keys), {
      issuer: `${emulator.info.authorityBaseUrl}/${emulator.info.tenantId}/v2.0`,
      audience: `api://${new URL(trusting.url).host}/${emulator.info.graphClientId}`,
    });
    expect(payload).toMatchObject({ oid: user().id, tid: emulator.info.tenantId, preferred_username: user().userPrincipalName, scp: 'access_as_user' });
  });

  it('when the user switches theme in the client, then the tab\'s theme handler hears each theme', async () => {
    await open(trusting.url);
    await waitForText(tab().locator('[data-testid="token"]'), (text) => text.length > 0);

    for (const theme of ['dark', 'contrast', 'default']) {
      await page.getByTestId('theme-picker').selectOption(theme);
      await waitForText(tab().locator('[data-testid="theme"]'), theme);
    }
  });

  it('when the client opens with ?theme=dark, then the tab starts in the dark theme', async () => {
    await open(trusting.url, '&theme=dark');

    const context = JSON.parse(await waitForText(tab().locator('[data-testid="context"]'), (text) => text.startsWith('{')));
    expect(context.app.theme).toBe('dark');
  });

  it('when the tab does not list the client origin, then teams-js ignores the host and never initializes', async () => {
    const distrusting = await startTeamsJsFixture([]);
    try {
      await open(distrusting.url);
      // The host did answer initialize...
      await page.waitForSelector('[data-testid="hosted-tab"][data-host-calls~="initialize"]');
      // ...but teams-js accepts answers only from Microsoft's origins or those passed to app.initialize. Offline, its
      // fetch of Microsoft's list fails after at most 1.5 s and it falls back to the built-in list; wait past that.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(await tab().locator('[data-testid="initialized"]').textContent()).toBe('no');
    } finally {
      await distrusting.close();
    }
  });
});
