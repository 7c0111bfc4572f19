import { startGraph, type GraphHarness } from './harness';

describe('POST /$batch', () => {
  let graph: GraphHarness;
  const users = () => graph.emulator.context.state.directory.users.filter((user) => user.hasTeamsLicense && user.accountEnabled);
  const batch = (requests: unknown[]) => graph.call('POST', '/$batch', { body: { requests } });

  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.close());

  test('when requests depend on each other, then they run in order and each answers on its own', async () => {
    const user = users()[0]!;
    const appId = graph.emulator.info.id;
    const reply = await batch([
      { id: '1', method: 'POST', url: `/users/${user.id}/teamwork/installedApps`, headers: { 'Content-Type': 'application/json' }, body: { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${appId}` } },
      { id: '2', method: 'GET', url: `/users/${user.id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '${appId}'`, dependsOn: ['1'] },
      { id: '3', method: 'GET', url: 'users?$select=id&$top=1' },
    ]);
    expect(reply.status).toBe(200);
    const byId = new Map(reply.body.responses.map((response: { id: string }) => [response.id, response]));
    expect(byId.get('1')).toMatchObject({ status: 201 });
    expect((byId.get('1') as { body?: unknown }).body).toBeUndefined();
    expect(byId.get('2')).toMatchObject({ status: 200, headers: { 'Content-Type': expect.stringContaining('odata.metadata=minimal') } });
    expect((byId.get('2') as { body: { value: unknown[] } }).body.value).toHaveLength(1);
    expect(byId.get('3')).toMatchObject({ status: 200 });
  });

  test('when a dependency fails, then the dependent request answers 424 and does not run', async () => {
    const user = users()[1]!;
    const reply = await batch([
      { id: 'a', method: 'GET', url: '/users/00000000-0000-0000-0000-000000000000' },
      { id: 'b', method: 'POST', url: `/users/${user.id}/teamwork/installedApps`, dependsOn: ['a'], headers: { 'Content-Type': 'application/json' }, body: { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${graph.emulator.info.id}` } },
    ]);
    const statuses = Object.fromEntries(reply.body.responses.map((response: { id: string; status: number }) => [response.id, response.status]));
    expect(statuses).toEqual({ a: 404, b: 424 });
    expect(graph.emulator.context.state.installationsOf(user.id)).toEqual([]);
  });

  test.each([
    ['two requests share an id (ids ignore case)', [{ id: 'x', method: 'GET', url: '/users' }, { id: 'X', method: 'GET', url: '/groups' }]],
    ['there are 21 requests', Array.from({ length: 21 }, (_, index) => ({ id: String(index), method: 'GET', url: '/users?$top=1' }))],
    ['a body comes without Content-Type', [{ id: '1', method: 'POST', url: '/users/x/teamwork/installedApps', body: {} }]],
    ['a dependency names no request', [{ id: '1', method: 'GET', url: '/users', dependsOn: ['9'] }]],
  ])('when %s, then the whole batch is 400', async (_label, requests) => {
    const reply = await batch(requests);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('BadRequest');
  });

  test('when the batch has no valid token, then the batch itself is 401', async () => {
    const reply = await graph.call('POST', '/$batch', { token: null, body: { requests: [{ id: '1', method: 'GET', url: '/users' }] } });
    expect(reply.status).toBe(401);
  });
});

describe('POST /$batch under the real throttles', () => {
  let graph: GraphHarness;

  beforeAll(async () => {
    graph = await startGraph({ limits: 'real' });
  });
  afterAll(() => graph.close());

  test('when 20 inner requests hit one team (4 per second), then the excess answer 429 with their own Retry-After inside a 200 batch', async () => {
    const teamId = graph.emulator.context.state.directory.teams[0]!.id;
    const requests = Array.from({ length: 20 }, (_, index) => ({ id: String(index + 1), method: 'GET', url: `/teams/${teamId}/channels` }));
    const reply = await graph.call('POST', '/$batch', { body: { requests } });
    expect(reply.status).toBe(200);
    const throttled = reply.body.responses.filter((response: { status: number }) => response.status === 429);
    expect(throttled.length).toBeGreaterThanOrEqual(16 - 4);
    for (const response of throttled) {
      expect(Number(response.headers['Retry-After'])).toBeGreaterThan(0);
      expect(response.body.error.code).toBe('TooManyRequests');
    }
    expect(reply.body.responses.filter((response: { status: number }) => response.status === 200).length).toBeGreaterThanOrEqual(4);
  });
});
