import { TeamsActivityHandler, type Activity } from 'botbuilder';
import { ReadReceiptInfo } from 'botframework-connector';
import type { RunningEmulator } from '../../../emulator/server';
import type { EmulatedUser, RscPermission } from '../../../emulator/tenant/model';
import { startTestBot, type TestBot } from '../connector/bot-harness';
import { fixture, shapeDifferences, startTestEmulator } from '../connector/harness';

const CONSENTED: RscPermission[] = [
  { permissionValue: 'ChatMessageReadReceipt.Read.Chat', permissionType: 'application' },
  { permissionValue: 'TeamsActivity.Send.User', permissionType: 'application' },
];

describe('read receipts from the emulated Teams, to the unmodified botbuilder', () => {
  let emulator: RunningEmulator;
  let bot: TestBot;
  /** What botbuilder's TeamsActivityHandler.onTeamsReadReceiptEvent handed the bot, per conversation. */
  const receipts: Array<{ conversationId: string; info: ReadReceiptInfo }> = [];
  const handler = new TeamsActivityHandler().onTeamsReadReceiptEvent(async (info, context, next) => {
    receipts.push({ conversationId: context.activity.conversation.id, info });
    await next();
  });

  beforeAll(async () => {
    emulator = await startTestEmulator();
    bot = await startTestBot(emulator, { onTurn: (context) => handler.run(context) });
  });
  afterAll(async () => {
    await emulator.close();
    await bot.close();
  });

  const state = () => emulator.context.state;
  const people = (receiptsOn: boolean) => state().directory.users.filter((user) => user.hasTeamsLicense && user.accountEnabled && user.readReceiptsEnabled === receiptsOn);
  /** A person with Herald installed (consenting as given) and `messages` bot messages in their chat. */
  const withChat = (user: EmulatedUser, messages: number, consented = CONSENTED) => {
    const installation = state().install('user', user.id, emulator.info.id, { silent: true, consentedPermissions: consented }) ?? state().findInstallation(user.id, emulator.info.id)!;
    const chat = state().conversations.get(installation.conversationId)!;
    const sent = Array.from({ length: messages }, (_, index) => state().addActivity(chat, { type: 'message', text: `Announcement ${index + 1}` }, 'bot'));
    return { installation, chat, sent };
  };
  const inspect = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
    const response = await fetch(`${emulator.info.inspectUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  const readChat = (userId: string, at?: string) => inspect('POST', `/users/${userId}/read-chat`, at ? { at } : {});
  const receiptFor = (conversationId: string): Promise<Activity> =>
    bot.waitFor((activity) => activity.type === 'event' && activity.name === 'application/vnd.microsoft.readReceipt' && activity.conversation.id === conversationId);

  it("when a person reads their chat, then the bot gets Teams' read receipt event, signed like every channel post and shaped like Microsoft's example", async () => {
    const user = people(true)[0]!;
    const { chat, sent } = withChat(user, 3);
    const reply = await readChat(user.id);
    expect(reply.body).toEqual({ receipt: true, conversationId: chat.id, lastReadMessageId: sent[2]!.id, botStatus: 200 });
    const event = await receiptFor(chat.id);
    expect(shapeDifferences(bot.wireOf(event), fixture('read-receipt.json').payload)).toEqual([]);
    expect(event).toMatchObject({ channelId: 'msteams', serviceUrl: emulator.info.botServiceUrl, from: { id: user.teamsUserId, aadObjectId: user.id }, value: { lastReadMessageId: sent[2]!.id } });
    expect(event.conversation).toMatchObject({ conversationType: 'personal', tenantId: emulator.info.tenantId });
  });

  it("when botbuilder compares the bot's message ids with lastReadMessageId, then each message sent before the read is read and a later one is not", async () => {
    const user = people(true)[1]!;
    const { chat, sent } = withChat(user, 4);
    await readChat(user.id);
    await receiptFor(chat.id);
    const later = state().addActivity(chat, { type: 'message', text: 'Sent after the read' }, 'bot');
    const { info } = receipts.find((receipt) => receipt.conversationId === chat.id)!;
    expect(sent.map((message) => info.isMessageRead(message.id))).toEqual([true, true, true, true]);
    expect(info.isMessageRead(later.id)).toBe(false);
  });

  it('when a person reads the chat as it stood at an earlier moment, then only the messages that had arrived by then are read', async () => {
    const user = people(true)[2]!;
    const { chat, sent } = withChat(user, 2);
    // The messages arrived 10 s ago, so the moment just after them is in the past: a moment still in the future
    // (a read within 1 ms of the last message) is scheduled for later instead, and the reply names no message.
    for (const message of sent) message.receivedAt = new Date(Date.parse(message.receivedAt) - 10_000).toISOString();
    const moment = new Date(Date.parse(sent[1]!.receivedAt) + 1);
    // A message that arrives after that moment.
    const late = state().addActivity(chat, { type: 'message', text: 'late' }, 'bot');
    late.receivedAt = new Date(moment.getTime() + 60_000).toISOString();
    const reply = await readChat(user.id, moment.toISOString());
    expect(reply.body.lastReadMessageId).toBe(sent[1]!.id);
    expect((await receiptFor(chat.id)).timestamp?.toISOString()).toBe(moment.toISOString());
  });

  it('when nothing new arrived since the last read, then reading again tells the bot nothing', async () => {
    const user = people(true)[0]!;
    expect((await readChat(user.id)).body).toMatchObject({ receipt: false, reason: 'nothing-new' });
  });

  it('when the person turned read receipts off, then reading sends nothing; when they turn them on again, the next read does', async () => {
    const user = people(false)[0]!;
    const { chat, sent } = withChat(user, 1);
    expect((await readChat(user.id)).body).toMatchObject({ receipt: false, reason: 'turned-off-by-user', lastReadMessageId: sent[0]!.id });
    expect((await inspect('PUT', `/users/${user.id}/read-receipts`, { enabled: true })).body).toMatchObject({ readReceiptsEnabled: true, effective: 'on' });
    const next = state().addActivity(chat, { type: 'message', text: 'Another' }, 'bot');
    expect((await readChat(user.id)).body).toMatchObject({ receipt: true, lastReadMessageId: next.id });
    await inspect('PUT', `/users/${user.id}/read-receipts`, { enabled: false });
  });

  it("when the tenant's policy is None, then nobody's reads send receipts; when it is Everyone, then even people who turned them off send them", async () => {
    const on = people(true)[3]!;
    const off = people(false)[1]!;
    withChat(on, 1);
    withChat(off, 1);
    expect((await inspect('PUT', '/read-receipts-policy', { policy: 'None' })).body).toMatchObject({ policy: 'None' });
    expect((await readChat(on.id)).body).toMatchObject({ receipt: false, reason: 'turned-off-by-policy' });
    expect((await inspect('PUT', '/read-receipts-policy', { policy: 'Everyone' })).body).toMatchObject({ policy: 'Everyone' });
    withChat(on, 1);
    expect((await readChat(on.id)).body).toMatchObject({ receipt: true });
    expect((await readChat(off.id)).body).toMatchObject({ receipt: true });
    await inspect('PUT', '/read-receipts-policy', { policy: 'UserPreference' });
    expect((await inspect('PUT', '/read-receipts-policy', { policy: 'Sometimes' })).status).toBe(400);
  });

  it('when the installation did not consent ChatMessageReadReceipt.Read.Chat, then no receipts, until an upgrade consents it (and the bot hears add-upgrade)', async () => {
    const user = people(true)[4]!;
    const { installation, chat } = withChat(user, 1, []);
    expect((await readChat(user.id)).body).toMatchObject({ receipt: false, reason: 'not-consented' });
    state().upgrade(installation, CONSENTED);
    const upgrade = await bot.waitFor((activity) => activity.type === 'installationUpdate' && activity.conversation.id === chat.id);
    expect(upgrade.action).toBe('add-upgrade');
    state().addActivity(chat, { type: 'message', text: 'After the upgrade' }, 'bot');
    expect((await readChat(user.id)).body).toMatchObject({ receipt: true });
  });

  it("when a person with no chat, or nobody, is asked to read, then the answer says why in a sentence or a reason", async () => {
    const stranger = people(true).find((user) => !state().findInstallation(user.id, emulator.info.id))!;
    expect((await readChat(stranger.id)).body).toMatchObject({ receipt: false, reason: 'not-installed' });
    const nobody = await readChat('00000000-0000-0000-0000-000000000000');
    expect(nobody.status).toBe(404);
    expect(nobody.body.error.message).toMatch(/no user/);
    expect((await inspect('POST', `/users/${stranger.id}/read-chat`, { at: 'yesterday' })).status).toBe(400);
  });

  it('when many people read at once through the bulk route, then each consenting person with receipts on sends exactly one, and the record agrees', async () => {
    const readers = people(true).slice(5, 15);
    for (const user of readers) withChat(user, 2);
    const before = (await inspect('GET', '/reads?top=100000')).body.receipts;
    const reply = await inspect('POST', '/read-chats', { userIds: readers.map((user) => user.id) });
    expect(reply.body).toMatchObject({ read: 10, receipts: 10, botStatuses: { 200: 10 } });
    const after = await inspect('GET', '/reads?top=100000');
    expect(after.body.receipts - before).toBe(10);
  });

  it("when the person switches read receipts off in the Teams client's settings, then their next read sends none", async () => {
    const user = people(true)[17]!;
    withChat(user, 1);
    const setting = await fetch(`${emulator.info.teamsClientUrl}api/users/${user.id}/read-receipts`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ enabled: false }) });
    expect(await setting.json()).toMatchObject({ readReceiptsEnabled: false, readReceiptsPolicy: 'UserPreference' });
    expect((await readChat(user.id)).body).toMatchObject({ receipt: false, reason: 'turned-off-by-user' });
    const refused = await fetch(`${emulator.info.teamsClientUrl}api/users/${user.id}/read-receipts`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ enabled: 'yes' }) });
    expect(refused.status).toBe(400);
    user.readReceiptsEnabled = true;
  });

  it("when the person opens the chat in the emulator's Teams client, then it is read there too", async () => {
    const user = people(true)[16]!;
    const { chat, sent } = withChat(user, 1);
    const response = await fetch(`${emulator.info.teamsClientUrl}api/users/${user.id}/chat/read`, { method: 'POST' });
    expect(await response.json()).toEqual({ receipt: true, lastReadMessageId: sent[0]!.id });
    expect((await receiptFor(chat.id)).value).toEqual({ lastReadMessageId: sent[0]!.id });
  });
});

describe("the channel token the inspection API hands out", () => {
  it('when a benchmark posts a read receipt itself with it, then the unmodified botbuilder accepts it like the channel\'s own, and refuses a tampered one', async () => {
    const emulator = await startTestEmulator();
    const bot = await startTestBot(emulator);
    try {
      const { token, serviceUrl } = await (await fetch(`${emulator.info.inspectUrl}/channel-token`)).json();
      const user = emulator.context.state.directory.users[0]!;
      const event = { ...fixture('read-receipt.json').payload, serviceUrl, conversation: { conversationType: 'personal', tenantId: emulator.info.tenantId, id: 'a:bench' }, from: { id: user.teamsUserId, aadObjectId: user.id } };
      const accepted = await fetch(bot.endpoint, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(event) });
      expect(accepted.status).toBe(200);
      const forged = await fetch(bot.endpoint, { method: 'POST', headers: { Authorization: `Bearer ${token}x`, 'Content-Type': 'application/json' }, body: JSON.stringify(event) });
      // The test bot answers the adapter's AuthenticationError as an error; what matters is that it is refused.
      expect(forged.ok).toBe(false);
    } finally {
      await bot.close();
      await emulator.close();
    }
  });
});
