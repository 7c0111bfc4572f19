import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './support/browser';
import { startHeraldProcess, type HeraldProcess } from './support/herald-process';
import { castFor } from './support/seeded-tenant';
import { waitForText } from './support/wait';

/**
 * The admin tab in Chromium against `npm start`: every screen in the light, dark and high-contrast themes at a
 * desktop width and at 400 px (Teams' side panel, mobile), checked by axe-core (any serious or critical violation
 * fails) and saved to docs/screenshots/; then the issue-15 findings that need a real browser (layout, focus,
 * compression), German and French end to end, and an administrator granting a new sender from the tab.
 */
const SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');
const USERS = 60;
const SEED = 7;
const cast = castFor(USERS, SEED, 'Sales department');
const THEMES = ['default', 'dark', 'contrast'] as const;
const WIDTHS = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: '400px', width: 400, height: 860 },
] as const;

interface Seeded {
  sentId: string;
  scheduledId: string;
  draftId: string;
}

describe('the admin tab: accessibility, themes, narrow widths, languages', () => {
  let herald: HeraldProcess;
  let browser: Browser;
  let seeded: Seeded;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    herald = await startHeraldProcess({ env: { HERALD_ADMINS: cast.sender.userPrincipalName, HERALD_EMULATOR_USERS: String(USERS), HERALD_EMULATOR_SEED: String(SEED) } });
    browser = await launchBrowser();
    seeded = await seed(herald);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await herald?.stop();
  });

  const tabUrl = (params: Record<string, string>, route = '') => {
    const url = new URL(herald.tabUrl);
    url.searchParams.set('standalone', '1');
    url.searchParams.set('upn', cast.sender.userPrincipalName);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return `${url.href}${route}`;
  };

  /** Opens the tab on a route and waits for the screen's heading. */
  async function open(page: Page, params: Record<string, string>, route: string, heading: string | RegExp): Promise<void> {
    await page.goto(tabUrl(params, route));
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor({ timeout: 60_000 });
  }

  const SCREENS: { name: string; route: string; heading: string | RegExp; ready?: (page: Page) => Promise<void> }[] = [
    { name: 'compose-content', route: '#/compose', heading: 'Compose a notification', ready: (page) => page.getByRole('group', { name: 'The card as recipients will see it' }).waitFor() },
    {
      name: 'compose-audience',
      route: '#/compose',
      heading: 'Compose a notification',
      ready: async (page) => {
        await page.getByRole('button', { name: '2. Audience' }).click();
        await page.getByRole('searchbox', { name: 'Search people, groups and teams' }).waitFor();
      },
    },
    {
      name: 'compose-review',
      route: '', // filled with the draft below
      heading: 'Compose a notification',
      ready: async (page) => {
        await page.getByRole('button', { name: '3. Review and send' }).click();
        await page.getByRole('button', { name: 'Send…' }).waitFor();
      },
    },
    { name: 'notifications', route: '#/notifications/sent', heading: 'Notifications', ready: (page) => page.getByRole('table', { name: 'Sent' }).waitFor() },
    { name: 'report', route: '', heading: 'All-hands agenda', ready: (page) => page.getByRole('table', { name: 'Recipients' }).getByRole('row').nth(1).waitFor({ timeout: 60_000 }) },
    { name: 'senders', route: '#/senders', heading: 'Senders', ready: (page) => page.getByRole('table', { name: 'People with access' }).waitFor() },
    { name: 'audit', route: '#/audit', heading: 'Audit log', ready: (page) => page.getByRole('table', { name: 'Audit log' }).waitFor() },
  ];

  it('when every screen is opened in each theme at desktop width and at 400 px, then axe finds no serious or critical violation, and nothing scrolls sideways at 400 px', async () => {
    const problems: string[] = [];
    for (const size of WIDTHS) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const theme of THEMES) {
        for (const screen of SCREENS) {
          const route = screen.name === 'compose-review' ? `#/compose/${seeded.draftId}` : screen.name === 'report' ? `#/report/${seeded.sentId}` : screen.route;
          await open(page, { theme }, route, screen.heading);
          await screen.ready?.(page);
          await page.waitForTimeout(300);
          const where = `${screen.name} · ${theme} · ${size.name}`;
          const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
          for (const violation of results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
            problems.push(`${where}: ${violation.id} (${violation.impact}) ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}`);
          }
          problems.push(...(await duplicateButtonNames(page)).map((name) => `${where}: two buttons are both named "${name}"`));
          if (size.width === 400) {
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            if (overflow > 0) problems.push(`${where}: the page scrolls sideways by ${overflow} px`);
          }
          await page.screenshot({ path: path.join(SCREENSHOTS, `tab-${screen.name}-${theme}${size.width === 400 ? '-400' : ''}.png`), fullPage: size.width === 400 });
        }
      }
      await page.close();
    }
    expect(problems).toEqual([]);
  }, 900_000);

  // Finding 9: an 8 px white frame around the tab in dark and high contrast.
  it('when the tab is dark, then the theme reaches the edges of the frame', async () => {
    const page = await browser.context.newPage();
    await open(page, { theme: 'dark' }, '#/compose', 'Compose a notification');
    const frame = await page.evaluate(() => {
      const provider = document.querySelector('.fui-FluentProvider')!.getBoundingClientRect();
      return { margin: getComputedStyle(document.body).margin, left: provider.left, top: provider.top, width: provider.width, viewport: window.innerWidth };
    });
    expect(frame).toEqual({ margin: '0px', left: 0, top: 0, width: frame.viewport, viewport: frame.viewport });
    await page.close();
  });

  // Finding 4: the fourth button was cut off at 1366 px.
  it('when a card has four buttons, then every button is inside the preview at 1366 px', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await open(page, {}, `#/compose/${seeded.draftId}`, 'Compose a notification');
    const card = page.getByRole('group', { name: 'The card as recipients will see it' });
    await card.getByRole('link', { name: 'Agenda 4' }).waitFor();
    const boxes = await card.evaluate((element) => {
      const outer = element.getBoundingClientRect();
      return Array.from(element.querySelectorAll('.ac-pushButton')).map((button) => {
        const box = button.getBoundingClientRect();
        return { name: button.getAttribute('aria-label'), inside: box.left >= outer.left - 0.5 && box.right <= outer.right + 0.5 && box.width > 20 };
      });
    });
    expect(boxes.filter((box) => /^Agenda/.test(box.name ?? ''))).toEqual([1, 2, 3, 4].map((n) => ({ name: `Agenda ${n}`, inside: true })));
    await page.close();
  });

  // Finding 6: a click was lost after a bad image URL (the blur error moved the button under the pointer).
  it('when a bad image address is left by clicking the button below it, then that click still lands', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await open(page, {}, '#/compose', 'Compose a notification');
    await page.getByRole('textbox', { name: 'Image URL' }).fill('not an address');
    await page.getByRole('button', { name: 'Add a button' }).click();
    await page.getByRole('textbox', { name: 'Button 1 label' }).waitFor({ timeout: 5_000 });
    await page.getByText('Write a full address, such as https://contoso.com/page.').waitFor();
    await page.close();
  });

  // Findings 10 and 11: at 400 px the preview comes before the Send button; the tab strip fits.
  it('when the review step is open at 400 px, then the preview is above the Send button and every section tab is in view', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 400, height: 860 });
    await open(page, {}, `#/compose/${seeded.draftId}`, 'Compose a notification');
    await page.getByRole('button', { name: '3. Review and send' }).click();
    const send = await page.getByRole('button', { name: 'Send…' }).boundingBox();
    const preview = await page.getByRole('group', { name: 'The card as recipients will see it' }).boundingBox();
    expect(preview!.y).toBeLessThan(send!.y);
    const sections = await page.getByRole('navigation', { name: 'Herald sections' }).getByRole('button').evaluateAll((tabs) => tabs.map((tab) => Math.round(tab.getBoundingClientRect().right)));
    expect(sections.every((right) => right <= 400)).toBe(true);
    await page.close();
  });

  // Finding 3 (keyboard): the Reason column's whole sentence shows on keyboard focus.
  it('when a reason cell is reached with the keyboard, then its whole sentence shows', async () => {
    const page = await browser.context.newPage();
    await open(page, {}, `#/report/${seeded.sentId}`, 'All-hands agenda');
    const reason = page.getByRole('table', { name: 'Recipients' }).getByText('No Teams licence').first();
    if ((await reason.count()) === 0) return void (await page.close()); // the seeded tenant had nobody unlicensed in the group
    await reason.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await page.getByRole('tooltip').getByText(/no Microsoft Teams licence/).waitFor({ timeout: 5_000 });
    await page.close();
  });

  // Findings 12 and 13: no token in the event stream's address; the tab's code travels compressed and cacheable.
  it('when the report is live, then its stream address carries a ticket, and the tab’s scripts are served compressed with a year of cache', async () => {
    const page = await browser.context.newPage();
    const streams: string[] = [];
    page.on('request', (request) => /\/events\?/.test(request.url()) && streams.push(request.url()));
    const scripts: { url: string; encoding?: string; cache?: string }[] = [];
    page.on('response', async (response) => {
      if (!response.url().endsWith('.js')) return;
      const size = (await response.body().catch(() => Buffer.alloc(0))).length;
      // A script under 256 bytes (the bundler's runtime) is not worth compressing and has no compressed copy.
      if (size >= 256) scripts.push({ url: response.url(), encoding: response.headers()['content-encoding'], cache: response.headers()['cache-control'] });
    });
    await open(page, {}, `#/report/${seeded.sentId}`, 'All-hands agenda');
    await page.waitForTimeout(1_000);
    expect(streams.length).toBeGreaterThan(0);
    for (const url of streams) {
      expect(url).toMatch(/\/events\?ticket=[\w-]+$/);
      expect(url).not.toMatch(/access_token/);
    }
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect({ url: script.url, encoding: script.encoding, cache: script.cache }).toEqual({ url: script.url, encoding: 'br', cache: 'public, max-age=31536000, immutable' });
    await page.close();
  });

  it('when Teams speaks German, then the tab composes and sends in German and the report follows in German; French reads the same report', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await open(page, { locale: 'de-DE' }, '#/compose', 'Benachrichtigung verfassen');
    await page.getByRole('textbox', { name: /Titel/ }).fill('Betriebsversammlung');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('searchbox', { name: 'Personen, Gruppen und Teams suchen' }).fill(cast.group.displayName);
    await page.getByRole('button', { name: `${cast.group.displayName} hinzufügen` }).click();
    await page.getByText(new RegExp(`^${cast.groupSize.toLocaleString('de-DE')} Empfänger$`)).waitFor();
    await page.getByRole('button', { name: '3. Prüfen und senden' }).click();
    await page.getByRole('button', { name: 'Senden…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Diese Benachrichtigung senden?' });
    await dialog.getByText(/Personen erhalten „Betriebsversammlung“\./).waitFor();
    await dialog.getByRole('button', { name: 'Jetzt senden' }).click();
    await page
      .getByRole('heading', { name: 'Betriebsversammlung', level: 1 })
      .waitFor({ timeout: 60_000 })
      .catch(async (error: unknown) => {
        const hidden = await page.evaluate(() => {
          const found: string[] = [];
          for (let element: Element | null = document.querySelector('h1'); element; element = element.parentElement) {
            if (element.getAttribute('aria-hidden') !== null || element.hasAttribute('inert')) found.push(`${element.tagName} aria-hidden=${element.getAttribute('aria-hidden')} inert=${element.hasAttribute('inert')}`);
          }
          return { hidden: found, h1: document.querySelector('h1')?.outerHTML.slice(0, 300) };
        });
        throw new Error(`${String(error)}\n${JSON.stringify(hidden)}\nThe page reads: ${(await page.locator('main').innerText()).slice(0, 300)}`);
      });
    await waitForText(page.getByRole('status').filter({ hasText: /^Stand:/ }), 'Stand: Abgeschlossen', 120_000);
    await page.getByText(`${cast.groupSize} von ${cast.groupSize} bearbeitet`).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'tab-report-de.png') });
    const id = new URL(page.url()).hash.split('/').pop()!;

    await open(page, { locale: 'fr-FR' }, `#/report/${id}`, 'Betriebsversammlung');
    await waitForText(page.getByRole('status').filter({ hasText: /^État/ }), 'État : Terminée');
    await page.getByRole('button', { name: 'Retour aux notifications' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'tab-report-fr.png') });
    await page.close();
  }, 240_000);

  // Finding 1: an administrator could not give anyone new a role from the tab.
  it('when an administrator makes a person of the tenant a sender from the tab, then that person can compose', async () => {
    const newcomer = await someoneWithoutRole(herald);
    const page = await browser.context.newPage();
    await open(page, {}, '#/senders', 'Senders');
    await page.getByRole('searchbox', { name: 'Find a person' }).fill(newcomer.displayName);
    await page.getByRole('button', { name: `Add ${newcomer.displayName}` }).first().click();
    await page.getByRole('button', { name: `Make ${newcomer.displayName} a sender` }).click();
    await page.getByText(`${newcomer.displayName} is now sender.`).waitFor({ timeout: 15_000 });
    await page.getByRole('table', { name: 'People with access' }).getByText(newcomer.displayName, { exact: true }).waitFor();

    const theirs = await browser.context.newPage();
    const url = new URL(tabUrl({}, '#/compose'));
    url.searchParams.set('upn', newcomer.upn);
    await theirs.goto(url.href);
    await theirs.getByRole('heading', { name: 'Compose a notification', level: 1 }).waitFor({ timeout: 60_000 });
    await theirs.close();
    await page.close();
  }, 120_000);
});

/** Button names that appear on more than one button (a screen reader user cannot tell them apart). */
async function duplicateButtonNames(page: Page): Promise<string[]> {
  const snapshot = await page.locator('body').ariaSnapshot();
  const names = [...snapshot.matchAll(/- button "([^"]+)"/g)].map((match) => match[1]!);
  return [...new Set(names.filter((name, index) => names.indexOf(name) !== index))];
}

interface Api {
  call: (method: string, route: string, body?: unknown) => Promise<{ status: number; body: any }>;
}

/** Calls Herald's API as the seeded administrator, with the token the emulator's sign-in door gives the tab. */
async function apiAs(herald: HeraldProcess, upn: string): Promise<Api> {
  const config = (await (await fetch(`${herald.url}/api/tab-config`)).json()) as { standalone: { ssoTokenUrl: string; resource: string } };
  const token = ((await (await fetch(config.standalone.ssoTokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ upn, resource: config.standalone.resource }) })).json()) as { access_token: string }).access_token;
  return {
    call: async (method, route, body) => {
      const response = await fetch(`${herald.url}${route}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
  };
}

/** A sent notification (four buttons, a poll, to the group, finished), a scheduled one and a draft. */
async function seed(herald: HeraldProcess): Promise<Seeded> {
  const api = await apiAs(herald, cast.sender.userPrincipalName);
  const audience = { include: [{ kind: 'group', id: cast.group.id, label: cast.group.displayName }], exclude: [], includeGuests: false };
  const buttons = [1, 2, 3, 4].map((n) => ({ title: `Agenda ${n}`, url: `https://contoso.com/agenda/${n}` }));
  const content = { title: 'All-hands agenda', summary: 'The plan for **Friday**: see [the agenda](https://contoso.com/agenda).\n\n- Results\n- Q&A', buttons, poll: { question: 'Will you join?', options: ['Yes', 'No'] } };
  const sent = await api.call('POST', '/api/notifications', { content, audience });
  if (sent.status !== 201) throw new Error(`seeding a draft answered ${sent.status}: ${JSON.stringify(sent.body)}`);
  await api.call('POST', `/api/notifications/${sent.body.id}/send`, { timeZone: 'Europe/Paris' });
  const deadline = Date.now() + 120_000;
  while ((await api.call('GET', `/api/notifications/${sent.body.id}`)).body.status !== 'completed') {
    if (Date.now() > deadline) throw new Error('the seeded notification did not complete');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const scheduled = await api.call('POST', '/api/notifications', { content: { title: 'Fire drill' }, audience });
  await api.call('POST', `/api/notifications/${scheduled.body.id}/send`, { scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), timeZone: 'Europe/Paris' });
  const draft = await api.call('POST', '/api/notifications', { content, audience });
  return { sentId: sent.body.id, scheduledId: scheduled.body.id, draftId: draft.body.id };
}

/** A person of the tenant who holds no Herald role yet, found through the same search the tab uses. */
async function someoneWithoutRole(herald: HeraldProcess): Promise<{ id: string; displayName: string; upn: string }> {
  const api = await apiAs(herald, cast.sender.userPrincipalName);
  const senders = new Set(((await api.call('GET', '/api/senders')).body.value as { userId: string }[]).map((sender) => sender.userId));
  const castSeed = castFor(USERS, SEED, 'Sales department');
  for (const letter of ['a', 'e', 'o', 'i']) {
    const found = (await api.call('GET', `/api/search?q=${letter}&kinds=user`)).body.value as { id: string; displayName: string; secondary: string }[];
    const person = found.find((candidate) => !senders.has(candidate.id) && candidate.id !== castSeed.sender.id && candidate.secondary.includes('@'));
    if (person) return { id: person.id, displayName: person.displayName, upn: person.secondary };
  }
  throw new Error('nobody without a role was found');
}
