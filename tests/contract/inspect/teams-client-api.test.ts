import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { startTestBot, type Activity, type TestBot } from './test-bot';

let emulator: RunningEmulator;
let bot: TestBot;
let api: string;

const card = (title: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: title }],
  actions: [{ type: 'Action.Execute', id: 'ack', title: 'Acknowledge', verb: 'acknowledge', data: { notificationId: 'n-1' } }],
  ...extra,
});

const json = async (method: string, url: string, body?: unknown): Promise<{ status: number; json: any }> => {
  const response = await fetch(url, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
};

/** Sends a card as the bot does: a Connector token, then a POST to the conversation. */
async function botSendsCard(conversationId: string, content: Record<string, unknown>): Promise<string> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: emulator.info.botAppId,
    client_secret: emulator.info.botAppPassword,
    scope: 'https://api.botframework.com/.default',
  });
  const issued = await (await fetch(emulator.info.tokenEndpoint, { method: 'POST', body: form })).json();
  const sent = await fetch(`${emulator.info.botServiceUrl}v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${issued.access_token}` },
    body: JSON.stringify({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content }] }),
  });
  expect(sent.status).toBe(201);
  return (await sent.json()).id;
}

async function installedUser(index: number): Promise<{ id: string; conversationId: string }> {
  const { json: listing } = await json('GET', `${emulator.info.inspectUrl}/users?top=40`);
  const user = listing.users.filter((u: { heraldInstalled: boolean; hasTeamsLicense: boolean }) => !u.heraldInstalled && u.hasTeamsLicense)[index];
  const installed = await json('POST', `${api}/users/${user.id}/install`);
  expect(installed.status).toBe(201);
  await bot.waitFor((a) => a.type === 'conversationUpdate' && a.conversation?.id === installed.json.conversationId);
  return { id: user.id, conversationId: installed.json.conversationId };
}

beforeAll(async () => {
  bot = await startTestBot();
  emulator = await startEmulator({
    port: 0, users: 50, seed: 7, limits: 'off', stateDir: await mkdtemp(path.join(tmpdir(), 'teams-client-')), botEndpoint: bot.endpoint,
  });
  api = `${emulator.info.teamsClientUrl}api`;
});

afterAll(async () => {
  await emulator.close();
  await bot.close();
});

describe('Teams web client API', () => {
  it('when the client lists users, then each says whether Herald is installed and search narrows the list', async () => {
    const { json: all } = await json('GET', `${api}/users?top=5`);
    expect(all.users).toHaveLength(5);
    expect(all.users[0]).toEqual({
      id: expect.any(String), displayName: expect.any(String), userPrincipalName: expect.any(String), jobTitle: expect.any(String),
      teamsUserId: expect.stringMatching(/^29:/), heraldInstalled: false,
    });
    const { json: found } = await json('GET', `${api}/users?search=${encodeURIComponent(all.users[2].userPrincipalName)}`);
    expect(found.users.map((u: { id: string }) => u.id)).toEqual([all.users[2].id]);
  });

  it('when the bot sends a card, then the user\'s chat shows it in order after the install', async () => {
    const user = await installedUser(0);
    const activityId = await botSendsCard(user.conversationId, card('Welcome aboard'));
    const { json: chat } = await json('GET', `${api}/users/${user.id}/chat`);
    expect(chat.conversationId).toBe(user.conversationId);
    expect(chat.user.heraldInstalled).toBe(true);
    const last = chat.activities[chat.activities.length - 1];
    expect(last).toMatchObject({ id: activityId, from: 'bot', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card('Welcome aboard') }] });
  });

  it('when the user clicks Action.Execute, then the bot gets the invoke and its card replaces the stored one', async () => {
    const user = await installedUser(1);
    const activityId = await botSendsCard(user.conversationId, card('Please acknowledge'));
    bot.answerInvoke = () => ({ status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card('Thanks, acknowledged') } });

    const clicked = await json('POST', `${api}/conversations/${encodeURIComponent(user.conversationId)}/invoke`, {
      userId: user.id, activityId, action: { id: 'ack', verb: 'acknowledge', data: { notificationId: 'n-1', comment: 'seen' } }, trigger: 'manual',
    });
    expect(clicked.json).toEqual({ kind: 'card', card: card('Thanks, acknowledged'), replaced: true });

    const invoke: Activity = await bot.waitFor((a) => a.type === 'invoke' && a.replyToId === activityId);
    expect(invoke).toMatchObject({
      name: 'adaptiveCard/action',
      channelId: 'msteams',
      conversation: { id: user.conversationId },
      from: { aadObjectId: user.id },
      value: { action: { type: 'Action.Execute', id: 'ack', verb: 'acknowledge', data: { notificationId: 'n-1', comment: 'seen' } }, trigger: 'manual' },
    });
    expect(bot.authorizations[bot.received.indexOf(invoke)]).toMatch(/^Bearer ey/);

    const { json: chat } = await json('GET', `${api}/conversations/${encodeURIComponent(user.conversationId)}/activities`);
    const stored = chat.activities.find((a: { id: string }) => a.id === activityId);
    expect(stored.attachments[0].content).toEqual(card('Thanks, acknowledged'));
    expect(stored.updatedAt).toEqual(expect.any(String));
  });

  it('when the bot answers an invoke with an error, then the client is told the bot\'s message and the card stays', async () => {
    const user = await installedUser(2);
    const activityId = await botSendsCard(user.conversationId, card('Vote'));
    bot.answerInvoke = () => ({ status: 200, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'Poll closed' } } });
    const clicked = await json('POST', `${api}/conversations/${encodeURIComponent(user.conversationId)}/invoke`, { userId: user.id, activityId, action: { verb: 'vote' } });
    expect(clicked.json).toEqual({ kind: 'error', status: 400, message: 'The bot answered 400: Poll closed' });
    const { json: chat } = await json('GET', `${api}/users/${user.id}/chat`);
    expect(chat.activities.find((a: { id: string }) => a.id === activityId).attachments[0].content).toEqual(card('Vote'));
  });

  it('when a card asks for an automatic refresh, then the invoke says so and the stored card is kept', async () => {
    const user = await installedUser(3);
    const activityId = await botSendsCard(user.conversationId, card('Poll'));
    bot.answerInvoke = () => ({ status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card('Your answer: yes') } });
    const refreshed = await json('POST', `${api}/conversations/${encodeURIComponent(user.conversationId)}/invoke`, { userId: user.id, activityId, action: { verb: 'refresh' }, trigger: 'automatic' });
    expect(refreshed.json).toEqual({ kind: 'card', card: card('Your answer: yes'), replaced: false });
    await bot.waitFor((a) => a.type === 'invoke' && a.replyToId === activityId && a.value?.trigger === 'automatic');
    const { json: chat } = await json('GET', `${api}/users/${user.id}/chat`);
    expect(chat.activities.find((a: { id: string }) => a.id === activityId).attachments[0].content).toEqual(card('Poll'));
  });

  it('when the user types a message or submits a card, then the bot receives it and the chat shows it live', async () => {
    const user = await installedUser(4);
    const events = await fetch(`${api}/events?userId=${user.id}`);
    expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = events.body!.getReader();

    const sent = await json('POST', `${api}/conversations/${encodeURIComponent(user.conversationId)}/messages`, { userId: user.id, text: 'hello Herald' });
    expect(sent.status).toBe(201);
    const message = await bot.waitFor((a) => a.type === 'message' && a.text === 'hello Herald');
    expect(message).toMatchObject({ id: sent.json.id, from: { aadObjectId: user.id }, conversation: { id: user.conversationId } });

    let stream = '';
    const decoder = new TextDecoder();
    while (!stream.includes('hello Herald')) stream += decoder.decode((await reader.read()).value);
    expect(stream).toMatch(/event: activity\ndata: .*"from":"user"/);
    await reader.cancel();

    await json('POST', `${api}/conversations/${encodeURIComponent(user.conversationId)}/messages`, { userId: user.id, value: { choice: 'b' }, replyToId: sent.json.id });
    const submitted = await bot.waitFor((a) => a.type === 'message' && a.value?.choice === 'b');
    expect(submitted.replyToId).toBe(sent.json.id);
  });

  it('when someone outside a conversation posts to it, then the client refuses', async () => {
    const owner = await installedUser(5);
    const { json: listing } = await json('GET', `${api}/users?top=40`);
    const stranger = listing.users.find((u: { id: string }) => u.id !== owner.id);
    const refused = await json('POST', `${api}/conversations/${encodeURIComponent(owner.conversationId)}/messages`, { userId: stranger.id, text: 'hi' });
    expect(refused.status).toBe(403);
  });

  it('when the page and the renderer are asked for, then they are served', async () => {
    const page = await fetch(emulator.info.teamsClientUrl);
    expect(await page.text()).toContain('data-testid="user-search"');
    const renderer = await fetch(`${emulator.info.teamsClientUrl}vendor/adaptivecards.min.js`);
    expect(renderer.status).toBe(200);
    expect((await renderer.text()).length).toBeGreaterThan(100_000);
  });
});
