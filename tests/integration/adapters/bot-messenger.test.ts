import express from 'express';
import type { RunningEmulator } from '../../../emulator/server';
import { createCloudAdapter } from '../../../adapters/connector/cloud-adapter';
import { BotMessenger } from '../../../adapters/connector/messenger';
import { HeraldBot } from '../../../bot/herald-bot';
import type { ConversationEvents } from '../../../bot/conversation-events';
import { botRoute } from '../../../api/http/bot-route';
import { startWebServer, type RunningWebServer } from '../../../api/http/web-server';
import { createLogger } from '../../../config/logger';
import { PlatformError } from '../../../core/ports/platform-error';
import { signChannelToken } from '../../../emulator/teams/bot-client';
import { startTestEmulator } from '../../support/emulator';

type Recorded = Parameters<ConversationEvents['personalConversation']>[0];

describe('the bot and the Connector messenger against the emulator', () => {
  let emulator: RunningEmulator;
  let web: RunningWebServer;
  let messenger: BotMessenger;
  const recorded: Recorded[] = [];
  const uninstalled: string[] = [];
  const waiters: Array<() => void> = [];

  const events: ConversationEvents = {
    personalConversation: async (event) => {
      recorded.push(event);
      waiters.splice(0).forEach((wake) => wake());
    },
    personalUninstalled: async (event) => {
      uninstalled.push(event.userAadId);
      waiters.splice(0).forEach((wake) => wake());
    },
    teamConversation: async () => undefined,
  };
  const until = async (check: () => boolean): Promise<void> => {
    while (!check()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  const user = (index: number) => emulator.context.state.directory.users.filter((u) => u.userType === 'Member' && u.hasTeamsLicense && u.accountEnabled)[index]!;
  const installFor = async (index: number): Promise<Recorded> => {
    const target = user(index);
    emulator.context.state.install('user', target.id, emulator.info.id);
    await until(() => recorded.some((event) => event.userAadId === target.id));
    return recorded.find((event) => event.userAadId === target.id)!;
  };
  const card = (text: string) => ({
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text }] } }],
  });

  beforeAll(async () => {
    emulator = await startTestEmulator();
    const info = emulator.info;
    const adapter = createCloudAdapter({
      appId: info.botAppId,
      password: info.botAppPassword,
      tenantId: info.tenantId,
      authorityBaseUrl: info.authorityBaseUrl,
      channelOpenIdMetadataUrl: info.channelOpenIdMetadataUrl,
    });
    const log = createLogger({ level: 'silent' });
    const app = express();
    app.use(botRoute(adapter, new HeraldBot(events, log), log));
    web = await startWebServer(app, '127.0.0.1', 0);
    emulator.setBotEndpoint(`${web.url}/api/messages`);
    messenger = new BotMessenger(adapter, info.botAppId);
  });
  afterAll(async () => {
    await web.close();
    await emulator.close();
  });

  it('when Herald is installed for a user, then the bot records the 1:1 conversation from Teams', async () => {
    const event = await installFor(0);
    expect(event.tenantId).toBe(emulator.info.tenantId);
    expect(event.serviceUrl).toBe(emulator.info.botServiceUrl);
    expect(emulator.context.state.conversations.get(event.conversationId)?.userId).toBe(user(0).id);
  });

  it('when a card is sent, updated and deleted, then the emulated Teams shows each change', async () => {
    const event = await installFor(1);
    const address = { conversationId: event.conversationId, serviceUrl: event.serviceUrl, tenantId: event.tenantId };
    const { activityId } = await messenger.send(address, card('first'));
    const conversation = emulator.context.state.conversations.get(event.conversationId)!;
    const stored = () => conversation.activities.find((activity) => activity.id === activityId);
    expect(stored()).toBeDefined();
    await messenger.update(address, activityId, card('second'));
    expect(JSON.stringify(stored()!.activity)).toContain('second');
    await messenger.delete(address, activityId);
    expect(stored()!.deleted).toBe(true);
  });

  it('when the user blocked the bot, then the send fails as MessageWritesBlocked', async () => {
    const event = await installFor(2);
    emulator.context.state.botBlockedUserIds.add(event.userAadId);
    const failure = await messenger.send({ ...event }, card('x')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PlatformError);
    expect((failure as PlatformError).status).toBe(403);
    expect((failure as PlatformError).subCode).toBe('MessageWritesBlocked');
  });

  it('when sends arrive together, then they share a turn and each settles on its own answer', async () => {
    const [first, second] = [await installFor(7), await installFor(8)];
    const results = await Promise.allSettled([
      messenger.send({ ...first }, card('together 1')),
      messenger.send({ ...first, conversationId: 'a:doesnotexist' }, card('together 2')),
      messenger.send({ ...second }, card('together 3')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(((results[1] as PromiseRejectedResult).reason as PlatformError).status).toBe(404);
    for (const [index, event] of [[0, first], [2, second]] as const) {
      const { activityId } = (results[index] as PromiseFulfilledResult<{ activityId: string }>).value;
      const conversation = emulator.context.state.conversations.get(event.conversationId);
      expect(conversation?.activities.some((activity) => activity.id === activityId)).toBe(true);
    }
  });

  it('when the turn cannot authenticate, then every send queued in it fails and none is delivered', async () => {
    const event = await installFor(9);
    const info = emulator.info;
    // An app id Entra does not know (botbuilder shares tokens between adapters of one app id, so a wrong secret
    // for the real one would still find a token).
    const unknownApp = '00000000-0000-4000-8000-00000000dead';
    const wrong = createCloudAdapter({ appId: unknownApp, password: 'not-the-secret', tenantId: info.tenantId, authorityBaseUrl: info.authorityBaseUrl, channelOpenIdMetadataUrl: info.channelOpenIdMetadataUrl });
    const unauthorised = new BotMessenger(wrong, unknownApp);
    const before = emulator.context.state.conversations.get(event.conversationId)?.activities.length ?? 0;
    const results = await Promise.allSettled([unauthorised.send({ ...event }, card('a')), unauthorised.send({ ...event }, card('b'))]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(emulator.context.state.conversations.get(event.conversationId)?.activities.length ?? 0).toBe(before);
  });

  it('when the conversation is unknown, then 404; when the card is too big, then 413', async () => {
    const event = await installFor(3);
    const missing = await messenger.send({ ...event, conversationId: 'a:doesnotexist' }, card('x')).catch((error: unknown) => error);
    expect((missing as PlatformError).status).toBe(404);
    const huge = await messenger.send({ ...event }, card('y'.repeat(40_000))).catch((error: unknown) => error);
    expect((huge as PlatformError).status).toBe(413);
    expect((huge as PlatformError).code).toBe('MessageSizeTooBig');
  });

  it('when Herald is uninstalled, then the bot reports it and sends fail with 403', async () => {
    const event = await installFor(4);
    const installation = emulator.context.state.findInstallation(event.userAadId, emulator.info.id)!;
    emulator.context.state.uninstall(event.userAadId, installation.id);
    await until(() => uninstalled.includes(event.userAadId));
    const failure = await messenger.send({ ...event }, card('z')).catch((error: unknown) => error);
    expect((failure as PlatformError).status).toBe(403);
  });

  it('when a conversation is created for an installed user, then its id is the personal chat', async () => {
    const event = await installFor(5);
    const id = await messenger.createPersonalConversation(event.tenantId, event.serviceUrl, event.userAadId);
    expect(emulator.context.state.conversations.get(id)).toBe(emulator.context.state.conversations.get(event.conversationId));
  });

  it('when the body is not an activity, then /api/messages answers 400 with a reason instead of failing', async () => {
    // Signed as the channel: an unsigned call is refused before its body is read (bot-route-hardening.test.ts).
    const token = await signChannelToken(emulator.context, emulator.info.botAppId, emulator.info.botServiceUrl);
    const post = (body: string) => fetch(`${web.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body });
    for (const body of ['{}', '[]', '{"type":""}', '{"type":5}']) {
      const response = await post(body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
      expect(await response.json()).toEqual({ error: { code: 'validation_failed', message: expect.stringContaining('"type"') } });
    }
    const unreadable = await post('{"type": "message",');
    expect(unreadable.status).toBe(400);
    expect(await unreadable.json()).toEqual({ error: { code: 'validation_failed', message: 'The request body is not valid JSON.' } });
  });

  it('when an activity is forged, then /api/messages answers 401 and nothing is recorded', async () => {
    const forgedUser = user(6).id;
    const response = await fetch(`${web.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer not.a.token' },
      body: JSON.stringify({ type: 'installationUpdate', action: 'add', channelId: 'msteams', serviceUrl: emulator.info.botServiceUrl, from: { id: '29:x', aadObjectId: user(6).id }, conversation: { id: 'a:x', conversationType: 'personal' }, recipient: { id: `28:${emulator.info.botAppId}` }, channelData: { tenant: { id: emulator.info.tenantId } } }),
    });
    expect(response.status).toBe(401);
    // Other tests' installs may still be arriving; nothing may be recorded for the forged activity's user.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(recorded.some((event) => event.userAadId === forgedUser)).toBe(false);
  });
});
