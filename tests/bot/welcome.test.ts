import { finished } from '../support/herald';
import { simpleCard } from '../support/deliveries';
import { activitiesIn, cardText, freshUsers, http, personalConversationId, startBotHerald, teamsApi, until, type TestHerald } from './support/bot-harness';

const WELCOME_TITLE = 'Welcome to Herald';

describe('the welcome message', () => {
  let t: TestHerald;
  beforeAll(async () => {
    t = await startBotHerald({ HERALD_WELCOME_TEXT: 'Hello from the comms team.' });
  });
  afterAll(() => t.close());

  const welcomes = async (userId: string): Promise<number> =>
    (await activitiesIn(t, personalConversationId(t, userId))).filter((a) => a.from === 'bot' && cardText(a.activity).includes(WELCOME_TITLE)).length;

  it('when a user installs Herald, then one welcome card with the configured text arrives, and a reinstall sends no second one', async () => {
    const [user] = freshUsers(t, 1);
    const installed = await http('POST', `${teamsApi(t)}/users/${user!.id}/install`);
    expect(installed.status).toBe(201);
    await until(async () => (await welcomes(user!.id)) === 1, 'the welcome');
    const [welcome] = (await activitiesIn(t, personalConversationId(t, user!.id))).filter((a) => a.from === 'bot');
    expect(cardText(welcome!.activity)).toContain('Hello from the comms team.');

    expect((await http('POST', `${t.emulator.info.inspectUrl}/users/${user!.id}/uninstall`)).status).toBe(200);
    await until(async () => (await t.herald.store.conversations.get(t.herald.settings.tenantId, user!.id)) === undefined, 'the uninstall to be recorded');
    expect((await http('POST', `${teamsApi(t)}/users/${user!.id}/install`)).status).toBe(201);
    await until(async () => (await t.herald.store.conversations.get(t.herald.settings.tenantId, user!.id)) !== undefined, 'the reinstall to be recorded');
    // Both install events of the reinstall have been handled once the second one is recorded; give stragglers a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await welcomes(user!.id)).toBe(1);
  });

  it('when Herald installs itself to deliver a broadcast, then recipients get the card and no welcome', async () => {
    const users = freshUsers(t, 3);
    const { herald } = t;
    const notification = await herald.engine.createNotification({
      tenantId: herald.settings.tenantId,
      title: 'Bulk',
      card: simpleCard('Office closed on Friday'),
      audience: { include: users.map((user) => ({ kind: 'user' as const, id: user.id })) },
      createdBy: 'tests',
    });
    await herald.engine.send(notification.id);
    expect(await finished(herald, notification.id)).toBe('completed');
    for (const user of users) {
      const fromBot = (await activitiesIn(t, personalConversationId(t, user.id))).filter((a) => a.from === 'bot');
      expect(fromBot.map((a) => cardText(a.activity))).toEqual(['Office closed on Friday']);
    }
  });
});
