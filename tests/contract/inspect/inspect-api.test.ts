import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';
import { startTestBot, type TestBot } from './test-bot';

let emulator: RunningEmulator;
let bot: TestBot;
let inspect: string;

const call = async (method: string, url: string, body?: unknown): Promise<{ status: number; json: any }> => {
  const response = await fetch(`${inspect}${url}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
};

beforeAll(async () => {
  bot = await startTestBot();
  emulator = await startEmulator({
    port: 0, users: 50, seed: 7, limits: 'off', stateDir: await mkdtemp(path.join(tmpdir(), 'inspect-')), botEndpoint: bot.endpoint,
  });
  inspect = emulator.info.inspectUrl;
});

afterAll(async () => {
  await emulator.close();
  await bot.close();
});

beforeEach(async () => {
  await call('POST', '/reset?installations=true');
});

describe('inspection API', () => {
  it('when a user installs Herald, then the installation appears, the user shows it and the bot is told', async () => {
    const { json: listing } = await call('GET', '/users?top=5');
    const user = listing.users[1];
    const installed = await call('POST', `/users/${user.id}/install`);
    expect(installed.status).toBe(201);
    expect(installed.json).toMatchObject({ scope: 'user', scopeId: user.id, teamsAppId: emulator.info.id });

    const { json: installations } = await call('GET', '/installations');
    expect(installations.installations.map((i: { scopeId: string }) => i.scopeId)).toEqual([user.id]);
    const { json: found } = await call('GET', `/users?search=${encodeURIComponent(user.userPrincipalName)}`);
    expect(found.users[0]).toMatchObject({ id: user.id, heraldInstalled: true, conversationId: installed.json.conversationId });
    const update = await bot.waitFor((a) => a.type === 'installationUpdate' && a.from?.aadObjectId === user.id);
    expect(update.action).toBe('add');

    expect((await call('POST', `/users/${user.id}/install`)).status).toBe(409);
    const { json: conversations } = await call('GET', '/conversations?type=personal');
    expect(conversations.conversations).toContainEqual(expect.objectContaining({ id: installed.json.conversationId, userId: user.id, activities: 0, botSends: 0 }));
  });

  it('when users are pre-installed, then they have Herald and the bot hears nothing of them', async () => {
    const heardBefore = bot.received.length;
    const preinstalled = await call('POST', '/preinstall', { count: 10 });
    expect(preinstalled.json).toMatchObject({ installed: 10, alreadyInstalled: 0 });
    const { json: summary } = await call('GET', '/summary');
    expect(summary.installations).toMatchObject({ user: 10, herald: 10 });

    // A user's own install is announced; the quiet ones before it never will be.
    const { json: listing } = await call('GET', '/users?top=50');
    const loud = listing.users.find((user: { heraldInstalled: boolean; hasTeamsLicense: boolean }) => !user.heraldInstalled && user.hasTeamsLicense);
    await call('POST', `/users/${loud.id}/install`);
    await bot.waitFor((a) => a.type === 'installationUpdate' && a.from?.aadObjectId === loud.id);
    const quietIds = new Set(listing.users.filter((user: { heraldInstalled: boolean }) => user.heraldInstalled).map((user: { id: string }) => user.id));
    expect(quietIds.size).toBe(10);
    expect(bot.received.slice(heardBefore).filter((a) => quietIds.has(a.from?.aadObjectId))).toEqual([]);
  });

  it('when pre-installing named users twice, then the second time counts them as already installed', async () => {
    const { json: listing } = await call('GET', '/users?top=3');
    const userIds = listing.users.map((user: { id: string }) => user.id);
    expect((await call('POST', '/preinstall', { userIds })).json).toMatchObject({ installed: 3, alreadyInstalled: 0 });
    const again = (await call('POST', '/preinstall', { userIds })).json as { installed: number; alreadyInstalled: number; conversations: Array<{ userId: string; conversationId: string }> };
    expect(again).toMatchObject({ installed: 0, alreadyInstalled: 3 });
    // Each answer names every user's 1:1 conversation, the one the emulated Teams keeps for them.
    expect(again.conversations.map((c) => c.userId)).toEqual(userIds);
    for (const { userId, conversationId } of again.conversations) expect(emulator.context.state.conversations.get(conversationId)?.userId).toBe(userId);
    expect((await call('POST', '/preinstall', { userIds: ['nobody'] })).status).toBe(400);
  });

  it('when reset with installations, then activities, counters and installations are gone', async () => {
    await call('POST', '/preinstall', { count: 2 });
    const conversation = emulator.context.state.allConversations()[0]!;
    emulator.context.state.addActivity(conversation, { type: 'message', text: 'hello' }, 'bot');
    emulator.context.counters.add('test.counter');
    expect((await call('GET', '/summary')).json.activities.total).toBe(1);

    await call('POST', '/reset');
    let { json: summary } = await call('GET', '/summary');
    expect(summary).toMatchObject({ counters: {}, activities: { total: 0 }, installations: { herald: 2 } });
    expect((await call('GET', `/conversations/${encodeURIComponent(conversation.id)}/activities`)).json.activities).toEqual([]);

    await call('POST', '/reset?installations=true');
    ({ json: summary } = await call('GET', '/summary'));
    expect(summary.installations.total).toBe(0);
  });

  it('when a user blocks the bot or is deleted, then the users list says so', async () => {
    const { json: listing } = await call('GET', '/users?top=3');
    const [blocker, leaver] = listing.users;
    expect((await call('POST', `/users/${blocker.id}/block-bot`)).json.botBlocked).toBe(true);
    expect((await call('POST', `/users/${leaver.id}/delete`)).json.deleted).toBe(true);
    const { json: after } = await call('GET', '/users?top=3');
    expect(after.users[0]).toMatchObject({ botBlocked: true, deleted: false });
    expect(after.users[1]).toMatchObject({ deleted: true });
    expect((await call('POST', `/users/${leaver.id}/install`)).status).toBe(404);
  });

  it('when the Graph grant is narrowed, then the client app holds only the new roles', async () => {
    const { json } = await call('PUT', '/graph-roles', { roles: ['User.Read.All'] });
    expect(json).toEqual({ roles: ['User.Read.All'] });
    expect(emulator.context.state.directory.graphClient.graphRoles).toEqual(['User.Read.All']);
    expect((await call('PUT', '/graph-roles', { roles: 'all' })).status).toBe(400);
  });

  it('when the directory is asked for, then it lists groups and teams with member counts', async () => {
    const { json } = await call('GET', '/directory');
    expect(json.groups.length).toBeGreaterThan(5);
    expect(json.teams[0]).toMatchObject({ id: expect.any(String), displayName: expect.any(String), members: expect.any(Number) });
    expect(json.teams[0].channels.map((c: { displayName: string }) => c.displayName)).toEqual(['General', 'Announcements']);
  });

  it('when a body is not JSON, then the answer is a JSON 400', async () => {
    const response = await fetch(`${inspect}/preinstall`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('BadRequest');
  });
});
