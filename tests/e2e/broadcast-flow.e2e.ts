import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { launchBrowser, type Browser } from './support/browser';
import { startHeraldProcess, type HeraldProcess } from './support/herald-process';
import { castFor } from './support/seeded-tenant';
import { waitForText } from './support/wait';

/**
 * The tab's words the test finds things by (tabs/src/strings/en.ts; that folder is an ES module package, which
 * this CommonJS test cannot import).
 */
const strings = {
  compose: { title: 'Title', summary: 'Summary', poll: 'Add a poll', pollQuestion: 'Poll question', pollOption: (n: number) => `Option ${n}`, preview: 'Preview' },
  audience: { search: 'Search people, groups and teams', add: (name: string) => `Add ${name}`, count: (n: number) => `${n.toLocaleString()} recipient${n === 1 ? '' : 's'}` },
  steps: { audience: '2. Audience', review: '3. Review and send' },
  send: { send: 'Send…', confirmTitle: 'Send this notification?', confirmSend: 'Send now', confirmRecipients: (n: number, title: string) => `${n.toLocaleString()} ${n === 1 ? 'person' : 'people'} will receive “${title}”.` },
  report: { progress: 'Delivery progress', progressText: (done: number, total: number) => `${done.toLocaleString()} of ${total.toLocaleString()} processed`, poll: 'Poll results' },
};

/** The README shows these; each step of the flow saves one. */
const SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');
const USERS = 60;
const SEED = 7;
const cast = castFor(USERS, SEED, 'Sales department');
const TITLE = 'Quarterly town hall';
const POLL = { question: 'Which session will you join?', options: ['Morning', 'Afternoon'] };

/**
 * The whole product, as a person uses it: `npm start`, the emulated Teams client, the Herald tab inside it through
 * teams-js, a card with a poll sent to a group, the live report at 100 %, a recipient's answer, the result in the
 * report.
 */
describe('broadcast from the Herald tab inside the emulated Teams', () => {
  let herald: HeraldProcess;
  let browser: Browser;
  let sender: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    herald = await startHeraldProcess({
      env: { HERALD_ADMINS: cast.sender.userPrincipalName, HERALD_EMULATOR_USERS: String(USERS), HERALD_EMULATOR_SEED: String(SEED) },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await herald?.stop();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });

  it('when an authorised sender sends a poll to a group, then the report reaches 100 % and shows a recipient\'s answer', async () => {
    await withDiagnostics(() => flow());
  });

  async function flow(): Promise<void> {
    // 1. The sender signs in to the emulated Teams and opens Herald from the app bar.
    sender = await browser.context.newPage();
    await sender.goto(await clientUrl(herald, {}));
    await signIn(sender, cast.sender.userPrincipalName, cast.sender.id);
    await sender.getByTestId('rail-tab').click();
    const tab = sender.frameLocator('[data-testid="hosted-tab"]');
    const title = tab.getByRole('textbox', { name: new RegExp(strings.compose.title) });
    await title.waitFor({ timeout: 60_000 });
    // The tab signed in through teams-js: the host answered its handshake, context and token requests.
    const hostCalls = (await sender.getByTestId('hosted-tab').getAttribute('data-host-calls')) ?? '';
    expect(hostCalls.split(' ')).toEqual(expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken']));

    // 2. Compose a card with a poll.
    await title.fill(TITLE);
    await tab.getByRole('textbox', { name: strings.compose.summary }).fill('Join us on **Friday** for the quarterly results and Q&A.');
    await tab.getByRole('switch', { name: strings.compose.poll }).click();
    await tab.getByRole('textbox', { name: strings.compose.pollQuestion }).fill(POLL.question);
    for (const [index, option] of POLL.options.entries()) {
      await tab.getByRole('textbox', { name: strings.compose.pollOption(index + 1) }).fill(option);
    }
    await tab.getByRole('region', { name: strings.compose.preview }).getByText(POLL.question).first().waitFor();
    await shot(sender, '01-compose');

    // 3. Choose the group (the compose flow's second step).
    await tab.getByRole('button', { name: strings.steps.audience }).click();
    await tab.getByRole('searchbox', { name: strings.audience.search }).fill(cast.group.displayName);
    await tab.getByRole('button', { name: strings.audience.add(cast.group.displayName) }).click();
    await tab.getByText(strings.audience.count(cast.groupSize)).waitFor();
    await shot(sender, '02-audience');

    // 4. Review and send, after the confirmation that says who receives it.
    await tab.getByRole('button', { name: strings.steps.review }).click();
    await tab.getByRole('button', { name: strings.send.send }).click();
    const confirm = tab.getByRole('alertdialog', { name: strings.send.confirmTitle });
    await confirm.getByText(strings.send.confirmRecipients(cast.groupSize, TITLE)).waitFor();
    await shot(sender, '03-confirm');
    await confirm.getByRole('button', { name: strings.send.confirmSend }).click();

    // 5. The live report reaches 100 %.
    await tab.getByRole('heading', { name: TITLE }).waitFor();
    await waitForProgress(tab, '1');
    await tab.getByText(strings.report.progressText(cast.groupSize, cast.groupSize)).waitFor();
    await shot(sender, '04-report-complete');

    // 6. A recipient of the group answers the poll in their chat with Herald.
    const recipient = await browser.context.newPage();
    // Herald's card asks Teams to refresh it when shown (Action.Execute `refresh`); the refreshed card replaces the
    // first one, so answer only once that refresh has come back (10 s at most, in case a card has none).
    const refreshed = recipient.waitForResponse((response) => response.url().endsWith('/invoke'), { timeout: 10_000 }).catch(() => undefined);
    await recipient.goto(await clientUrl(herald, { user: cast.recipient.id }));
    const card = recipient.getByTestId('adaptive-card').filter({ hasText: POLL.question }).last();
    await card.waitFor({ timeout: 30_000 });
    await refreshed;
    await card.getByRole('radio', { name: POLL.options[1]! }).check();
    await card.getByRole('button', { name: 'Submit answer' }).click();
    await waitForText(recipient.getByTestId('adaptive-card').filter({ hasText: POLL.question }).last(), (text) => text.includes(`Your answer: ${POLL.options[1]}`));
    await shot(recipient, '05-recipient-answers');
    await recipient.close();

    // 7. The answer appears in the sender's live report.
    const results = tab.getByRole('region', { name: strings.report.poll });
    await results.getByText(`${POLL.options[1]}: 1`).waitFor({ timeout: 30_000 });
    await shot(sender, '06-report-poll-result');

    // 8. Teams' dark theme reaches the open tab live.
    await sender.getByTestId('theme-picker').selectOption('dark');
    await sender.waitForTimeout(500);
    await shot(sender, '07-report-dark');
  }

  /** On failure: a screenshot of every open page (not into docs/) and the end of Herald's output. */
  async function withDiagnostics(run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      const folder = mkdtempSync(path.join(tmpdir(), 'herald-e2e-failure-'));
      const pages = browser.context.pages();
      await Promise.all(pages.map((page, index) => page.screenshot({ path: path.join(folder, `page-${index}.png`) }).catch(() => undefined)));
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message}\n\nScreenshots of ${pages.length} open page(s): ${folder}\nHerald's output (end):\n${herald.output().slice(-4000)}`);
    }
  }
});

/** The Teams client's address; `?tab=` only when Herald did not tell the emulator where its tab is. */
async function clientUrl(herald: HeraldProcess, params: { user?: string }): Promise<string> {
  const url = new URL(herald.teamsClientUrl);
  if (params.user) url.searchParams.set('user', params.user);
  const configured = await fetch(new URL('api/tab', herald.teamsClientUrl)).then((response) => response.ok);
  if (!configured) url.searchParams.set('tab', herald.tabUrl);
  return url.href;
}

/** Signs in through the client's people picker, as a person would. */
async function signIn(page: Page, upn: string, userId: string): Promise<void> {
  await page.getByTestId('user-search').fill(upn);
  await page.locator(`[data-testid="user-option"][data-user-id="${userId}"]`).click();
  await waitForText(page.getByTestId('current-user'), /^Signed in as /);
}

async function waitForProgress(tab: FrameLocator, value: string): Promise<void> {
  const bar = tab.getByRole('progressbar', { name: strings.report.progress });
  const deadline = Date.now() + 120_000;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = await bar.first().getAttribute('aria-valuenow', { timeout: 1_000 }).catch(() => null);
    if (last === value) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The delivery progress did not reach ${value}; it reads ${last}`);
}
