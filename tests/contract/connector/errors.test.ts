import type { RunningEmulator } from '../../../emulator/server';
import type { EmulatedUser } from '../../../emulator/tenant/model';
import { fixture, shapeDifferences, startTestEmulator } from './harness';

/** The Connector over plain HTTP with a bot token from the emulated Entra: statuses and bodies as Teams sends them. */
describe('Bot Connector statuses and error bodies', () => {
  let emulator: RunningEmulator;
  let token: string;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    token = await tokenFor(emulator, 'https://api.botframework.com/.default', emulator.info.botAppId, emulator.info.botAppPassword, 'botframework.com');
  });
  afterAll(() => emulator.close());

  const users = () => emulator.context.state.directory.users.filter((user) => user.hasTeamsLicense && user.accountEnabled && user.userType === 'Member');
  const installed = (user: EmulatedUser): string => {
    emulator.context.state.install('user', user.id, emulator.info.id);
    return emulator.context.state.personalConversation(user.id, emulator.info.botAppId).id;
  };
  const call = (method: string, path: string, body?: unknown, bearer: string | null = token) =>
    fetch(`${emulator.info.botServiceUrl}${path.replace(/^\//, '')}`, {
      method,
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const activities = (conversationId: string) => `/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
  const message = { type: 'message', text: 'Hello' };

  it('when no token or a Graph token is sent, then the Connector answers 401 as ASP.NET does', async () => {
    const conversationId = installed(users()[0]!);
    const graphToken = await tokenFor(emulator, 'https://graph.microsoft.com/.default', emulator.info.graphClientId, emulator.info.graphClientSecret);
    for (const bearer of [null, graphToken]) {
      const response = await call('POST', activities(conversationId), message, bearer);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: 'Authorization has been denied for this request.' });
    }
  });

  it('when the bot creates a conversation with the documented request, then it gets the personal chat id', async () => {
    const user = users()[1]!;
    const conversationId = installed(user);
    const request = { ...(fixture('create-conversation.json').request as object), members: [{ id: user.teamsUserId }], channelData: { tenant: { id: emulator.info.tenantId } } };
    const response = await call('POST', '/v3/conversations', request);
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toEqual({ id: conversationId });
    expect(shapeDifferences(body, fixture('create-conversation.json').payload)).toEqual([]);
    const byObjectId = await call('POST', '/v3/conversations', { ...request, members: [{ id: user.id }] });
    expect(await byObjectId.json()).toEqual({ id: conversationId });
  });

  it('when the app is not installed for the user, then creating the conversation answers 403 ForbiddenOperationException', async () => {
    const user = users()[2]!;
    const response = await call('POST', '/v3/conversations', { members: [{ id: user.teamsUserId }], channelData: { tenant: { id: emulator.info.tenantId } } });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: 'ForbiddenOperationException', message: expect.any(String) } });
  });

  it('when the user blocked the bot, then a send answers 403 with errorCode 209 and MessageWritesBlocked, byte for byte', async () => {
    const user = users()[3]!;
    const conversationId = installed(user);
    emulator.context.state.botBlockedUserIds.add(user.id);
    const response = await call('POST', activities(conversationId), message);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual(fixture('blocked-403.json').payload);
  });

  it('when the conversation or the activity is unknown, then the answer is 404 with the documented codes', async () => {
    const missingConversation = await call('POST', activities('a:1nothere'), message);
    expect(missingConversation.status).toBe(404);
    expect(await missingConversation.json()).toEqual({ error: { code: 'ConversationNotFound', message: 'Conversation not found.' } });
    const conversationId = installed(users()[0]!);
    const missingActivity = await call('PUT', `${activities(conversationId)}/1234567890`, message);
    expect(missingActivity.status).toBe(404);
    expect((await missingActivity.json()).error.code).toBe('ActivityNotFoundInConversation');
  });

  it('when the activity is malformed, then the answer is 400 BadArgument', async () => {
    const conversationId = installed(users()[0]!);
    for (const body of [{ text: 'no type' }, '{"type":', { type: 'message', attachments: 'not a list' }]) {
      const response = await call('POST', activities(conversationId), body);
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe('BadArgument');
    }
  });

  it('when the message is too big, then the answer is 413 MessageSizeTooBig', async () => {
    const conversationId = installed(users()[0]!);
    const response = await call('POST', activities(conversationId), { type: 'message', text: 'x'.repeat(29 * 1024) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: 'MessageSizeTooBig', message: 'Message size too large.' } });
  });

  it('when writes to one conversation overlap, then each is applied once or refused with 412 PreconditionFailed', async () => {
    const conversationId = installed(users()[0]!);
    const sent = await (await call('POST', activities(conversationId), message)).json();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, n) => call('PUT', `${activities(conversationId)}/${sent.id}`, { type: 'message', text: `v${n}` })));
    const bodies = await Promise.all(answers.map((answer) => answer.json()));
    answers.forEach((answer, index) => {
      if (answer.status === 200) expect(bodies[index]).toEqual({ id: sent.id });
      else expect([answer.status, bodies[index]]).toEqual([412, { error: { code: 'PreconditionFailed', message: 'Precondition failed, please try again.' } }]);
    });
    const stored = emulator.context.state.conversations.get(conversationId)!.activities.find((activity) => activity.id === sent.id)!;
    expect(stored.updates).toBe(1 + answers.filter((answer) => answer.status === 200).length);
  });

  it('when the roster is read, then members have the documented fields and the General channel has no name', async () => {
    const user = users()[0]!;
    const conversationId = installed(user);
    const paged = await (await call('GET', `/v3/conversations/${encodeURIComponent(conversationId)}/pagedmembers?pageSize=10`)).json();
    expect(shapeDifferences(paged, fixture('paged-members.json').payload, ['continuationToken'])).toEqual([]);
    expect(paged.members).toEqual([expect.objectContaining({ id: user.teamsUserId, objectId: user.id, userPrincipalName: user.userPrincipalName })]);
    const one = await call('GET', `/v3/conversations/${encodeURIComponent(conversationId)}/members/${encodeURIComponent(user.userPrincipalName)}`);
    expect((await one.json()).id).toBe(user.teamsUserId);
    const team = emulator.context.state.directory.teams[1]!;
    emulator.context.state.install('team', team.id, emulator.info.id);
    const channels = await (await call('GET', `/v3/teams/${encodeURIComponent(team.internalId)}/conversations`)).json();
    expect(channels.conversations).toContainEqual({ id: team.internalId, name: null });
    const teamMembers = await (await call('GET', `/v3/conversations/${encodeURIComponent(team.internalId)}/members`)).json();
    expect(teamMembers).toHaveLength(team.members.length);
  });

  it('when requests are answered, then the inspection counters count them per kind and status', async () => {
    const counters = emulator.context.counters.snapshot();
    expect(counters['connector.requests']).toBeGreaterThan(0);
    expect(counters['connector.send']).toBeGreaterThan(0);
    expect(counters['connector.status.401']).toBe(2);
    expect(counters['connector.status.413']).toBe(1);
  });
});

describe('Bot Connector throttling', () => {
  it('when one conversation receives more sends than Teams allows, then the Connector answers 429 with Retry-After', async () => {
    const emulator = await startTestEmulator({ limits: 'real' });
    try {
      const token = await tokenFor(emulator, 'https://api.botframework.com/.default', emulator.info.botAppId, emulator.info.botAppPassword, 'botframework.com');
      const user = emulator.context.state.directory.users.find((candidate) => candidate.hasTeamsLicense && candidate.accountEnabled)!;
      emulator.context.state.install('user', user.id, emulator.info.id);
      const conversationId = emulator.context.state.personalConversation(user.id, emulator.info.botAppId).id;
      let response: Response | undefined;
      // 1800 per hour per thread is the widest window: the 1801st send in an hour is refused whatever the pace.
      for (let attempt = 0; attempt < 1801; attempt += 1) {
        response = await fetch(`${emulator.info.botServiceUrl}v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ type: 'message', text: `n${attempt}` }),
        });
        if (response.status === 429) break;
      }
      expect(response?.status).toBe(429);
      expect(Number(response?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await response?.json()).toEqual({ error: { code: 'Throttled', message: 'Too many requests.' } });
      expect(emulator.context.counters.snapshot()['connector.429']).toBe(1);
    } finally {
      await emulator.close();
    }
  });
});

async function tokenFor(emulator: RunningEmulator, scope: string, clientId: string, clientSecret: string, tenant = emulator.info.tenantId): Promise<string> {
  const response = await fetch(`${emulator.info.authorityBaseUrl}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope }),
  });
  return (await response.json()).access_token as string;
}
