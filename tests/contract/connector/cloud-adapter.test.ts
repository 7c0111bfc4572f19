import { generateKeyPair, SignJWT } from 'jose';
import { CardFactory, MessageFactory, type Activity, type ConversationReference } from 'botbuilder';
import type { RunningEmulator } from '../../../emulator/server';
import type { EmulatedUser } from '../../../emulator/tenant/model';
import { startTestBot, type TestBot } from './bot-harness';
import { fixture, shapeDifferences, startTestEmulator } from './harness';

const BOT_AUDIENCE = 'https://api.botframework.com';

describe('Bot Connector and Teams notifications with the unmodified botbuilder CloudAdapter', () => {
  let emulator: RunningEmulator;
  let bot: TestBot;
  let botAppId: string;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    bot = await startTestBot(emulator);
    botAppId = emulator.info.botAppId;
  });
  afterAll(async () => {
    await emulator.close();
    await bot.close();
  });

  const licensedUser = (index: number): EmulatedUser =>
    emulator.context.state.directory.users.filter((user) => user.hasTeamsLicense && user.accountEnabled && user.userType === 'Member')[index]!;
  const arrivedFor = (conversationId: string, type: string, extra: (activity: Activity) => boolean = () => true) =>
    bot.waitFor((activity) => activity.type === type && activity.conversation.id === conversationId && extra(activity));
  const card = (title: string) =>
    MessageFactory.attachment(CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: title }] }));
  const createFor = async (user: EmulatedUser): Promise<{ conversationId: string; activityId: string | undefined }> => {
    let conversationId = '';
    let activityId: string | undefined;
    const parameters = {
      isGroup: false,
      bot: { id: `28:${botAppId}`, name: 'Herald' },
      members: [{ id: user.teamsUserId, name: user.displayName }],
      tenantId: emulator.info.tenantId,
      channelData: { tenant: { id: emulator.info.tenantId } },
    };
    await bot.adapter.createConversationAsync(botAppId, 'msteams', emulator.info.botServiceUrl, BOT_AUDIENCE, parameters as never, async (context) => {
      conversationId = context.activity.conversation.id;
      activityId = (await context.sendActivity(card('Hello')))?.id;
    });
    return { conversationId, activityId };
  };
  const referenceTo = (conversationId: string): ConversationReference => ({
    channelId: 'msteams',
    serviceUrl: emulator.info.botServiceUrl,
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    bot: { id: `28:${botAppId}`, name: 'Herald' },
  });

  it('when the app is installed for a user, then the bot accepts the signed conversationUpdate and installationUpdate', async () => {
    const user = licensedUser(0);
    const installation = emulator.context.state.install('user', user.id, emulator.info.id)!;
    const update = await arrivedFor(installation.conversationId, 'conversationUpdate');
    const install = await arrivedFor(installation.conversationId, 'installationUpdate');
    expect(update.membersAdded?.map((member) => member.id)).toEqual([`28:${botAppId}`, user.teamsUserId]);
    expect(update.membersAdded?.[1]?.aadObjectId).toBe(user.id);
    expect(update).toMatchObject({ serviceUrl: emulator.info.botServiceUrl, channelData: { tenant: { id: emulator.info.tenantId } } });
    expect(update.conversation).toMatchObject({ conversationType: 'personal', tenantId: emulator.info.tenantId });
    expect(install.action).toBe('add');
    expect(shapeDifferences(bot.wireOf(update), fixture('conversation-update-personal.json').payload)).toEqual([]);
  });

  it('when the app is installed in a team, then the bot gets teamMemberAdded and installationUpdate shaped as documented', async () => {
    const team = emulator.context.state.directory.teams[0]!;
    emulator.context.state.install('team', team.id, emulator.info.id);
    const update = await arrivedFor(team.internalId, 'conversationUpdate');
    const install = await arrivedFor(team.internalId, 'installationUpdate');
    expect(update.channelData).toMatchObject({ eventType: 'teamMemberAdded', team: { id: team.internalId, aadGroupId: team.id } });
    expect(shapeDifferences(bot.wireOf(update), fixture('conversation-update-team.json').payload)).toEqual([]);
    // Teams adds `channelData.source` when the app was added from a message; a Graph install has none.
    expect(shapeDifferences(bot.wireOf(install), fixture('installation-update-team.json').payload, ['channelData.source'])).toEqual([]);
  });

  it('when the bot creates the 1:1 conversation and sends a card, then Teams stores it in the personal chat', async () => {
    const user = licensedUser(0);
    const { conversationId, activityId } = await createFor(user);
    const conversation = emulator.context.state.personalConversation(user.id, botAppId);
    expect(conversationId).toBe(conversation.id);
    const stored = conversation.activities.find((activity) => activity.id === activityId);
    expect(stored?.activity.attachments).toEqual([expect.objectContaining({ contentType: 'application/vnd.microsoft.card.adaptive' })]);
  });

  it('when the bot continues the conversation by its Graph chat id, then update and delete reach the same message', async () => {
    const user = licensedUser(0);
    const conversation = emulator.context.state.personalConversation(user.id, botAppId);
    let sentId: string | undefined;
    await bot.adapter.continueConversationAsync(botAppId, referenceTo(conversation.chatId), async (context) => {
      sentId = (await context.sendActivity(card('Version 1')))?.id;
      await context.updateActivity({ ...card('Version 2'), id: sentId });
    });
    const stored = conversation.activities.find((activity) => activity.id === sentId)!;
    expect(stored.updates).toBe(2);
    expect(JSON.stringify(stored.activity)).toContain('Version 2');
    await bot.adapter.continueConversationAsync(botAppId, referenceTo(conversation.id), (context) => context.deleteActivity(sentId!));
    expect(stored.deleted).toBe(true);
  });

  it('when a token is signed by another key, then the bot refuses the activity with 401', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const now = Math.floor(Date.now() / 1000);
    const forged = await new SignJWT({ serviceurl: emulator.info.botServiceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: 'forged-key' })
      .setIssuer('https://api.botframework.com')
      .setAudience(botAppId)
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(privateKey);
    const conversation = emulator.context.state.personalConversation(licensedUser(0).id, botAppId);
    const activity = { type: 'message', text: 'hi', channelId: 'msteams', serviceUrl: emulator.info.botServiceUrl, conversation: { id: conversation.id } };
    const response = await fetch(bot.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` },
      body: JSON.stringify(activity),
    });
    expect(response.status).toBe(401);
  });

  it('when the app is uninstalled, then the bot is told and its next send is refused with 403', async () => {
    const user = licensedUser(1);
    const installation = emulator.context.state.install('user', user.id, emulator.info.id)!;
    await arrivedFor(installation.conversationId, 'installationUpdate', (activity) => activity.action === 'add');
    emulator.context.state.uninstall(user.id, installation.id);
    await arrivedFor(installation.conversationId, 'installationUpdate', (activity) => activity.action === 'remove');
    const removal = await arrivedFor(installation.conversationId, 'conversationUpdate', (activity) => (activity.membersRemoved ?? []).length > 0);
    expect(removal.membersRemoved?.[0]?.id).toBe(`28:${botAppId}`);
    const send = bot.adapter.continueConversationAsync(botAppId, referenceTo(installation.conversationId), async (context) => {
      await context.sendActivity(card('After uninstall'));
    });
    await expect(send).rejects.toMatchObject({ statusCode: 403 });
  });

  it('when the conversation does not exist, then the send fails with 404', async () => {
    const send = bot.adapter.continueConversationAsync(botAppId, referenceTo('a:1doesnotexist'), async (context) => {
      await context.sendActivity('hello');
    });
    await expect(send).rejects.toMatchObject({ statusCode: 404 });
  });

  it('when the card is bigger than the message limit, then the send fails with 413', async () => {
    const user = licensedUser(0);
    const conversation = emulator.context.state.personalConversation(user.id, botAppId);
    const send = bot.adapter.continueConversationAsync(botAppId, referenceTo(conversation.id), async (context) => {
      await context.sendActivity(card('x'.repeat(40 * 1024)));
    });
    await expect(send).rejects.toMatchObject({ statusCode: 413 });
  });
});

describe('Teams notifications when the bot is down', () => {
  it('when the bot starts after the install, then the retried notifications still reach it', async () => {
    let firstRetry: () => void = () => undefined;
    const retried = new Promise<void>((resolve) => (firstRetry = resolve));
    const emulator = await startTestEmulator({ log: (message) => message.includes('retrying') && firstRetry() });
    // A port that was just free: the bot is "down" there until it starts below.
    const probe = await startTestBot(emulator);
    const port = Number(new URL(probe.endpoint).port);
    await probe.close();
    emulator.setBotEndpoint(probe.endpoint);
    const user = emulator.context.state.directory.users.find((candidate) => candidate.hasTeamsLicense)!;
    const installation = emulator.context.state.install('user', user.id, emulator.info.id)!;
    await retried;
    const bot = await startTestBot(emulator, { port });
    try {
      const install = await bot.waitFor((activity) => activity.type === 'installationUpdate' && activity.conversation.id === installation.conversationId);
      expect(install.action).toBe('add');
    } finally {
      await emulator.close();
      await bot.close();
    }
  });
});
