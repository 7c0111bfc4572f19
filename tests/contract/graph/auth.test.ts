import { startGraph, type GraphHarness } from './harness';
import { graphToken } from './token';

describe('authentication, permissions and the common answer', () => {
  let graph: GraphHarness;
  const userPath = () => `/users/${graph.emulator.context.state.directory.users[0]!.id}`;

  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.close());

  test('when no token is sent, then 401 InvalidAuthenticationToken with the full error body', async () => {
    const reply = await graph.call('GET', '/users', { token: null, headers: { 'client-request-id': 'abc-123' } });
    expect(reply.status).toBe(401);
    expect(reply.body.error).toMatchObject({ code: 'InvalidAuthenticationToken', message: 'Access token is empty.' });
    expect(reply.body.error.innerError).toMatchObject({ 'client-request-id': 'abc-123', 'request-id': reply.headers.get('request-id') });
    expect(reply.body.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  test.each([
    ['not a JWT', async () => 'garbage'],
    ['expired', async () => graphToken(graph.emulator, { exp: Math.floor(Date.now() / 1000) - 600 })],
    ['for another audience', async () => graphToken(graph.emulator, { aud: 'api://someone-else' })],
    ['for another tenant', async () => graphToken(graph.emulator, { tid: '11111111-1111-1111-1111-111111111111' })],
  ])('when the token is %s, then 401', async (_label, make) => {
    const reply = await graph.call('GET', '/users', { token: await make() });
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe('InvalidAuthenticationToken');
  });

  test('when the token lacks the permission, then directory reads answer Authorization_RequestDenied and Teams ones Forbidden', async () => {
    const token = await graphToken(graph.emulator, { roles: ['AppCatalog.Read.All'] });
    const users = await graph.call('GET', '/users', { token });
    expect(users.status).toBe(403);
    expect(users.body.error).toMatchObject({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
    const apps = await graph.call('GET', `${userPath()}/teamwork/installedApps`, { token });
    expect(apps.status).toBe(403);
    expect(apps.body.error.code).toBe('Forbidden');
    expect(apps.body.error.message).toMatch(/^Missing role permissions on the request\. API requires one of 'TeamsAppInstallation\.ReadForUser\.All/);
    expect((await graph.call('GET', '/appCatalogs/teamsApps', { token })).status).toBe(200);
  });

  test('when the seed document needs Chat.Read.All and the grant lacks it, then 403', async () => {
    const token = await graphToken(graph.emulator, { roles: ['TeamsAppInstallation.ReadWriteSelfForUser.All'] });
    expect((await graph.call('GET', `${userPath()}/chats`, { token })).status).toBe(403);
  });

  test('when a request succeeds, then it carries request ids and the OData content type', async () => {
    const reply = await graph.get(userPath(), { 'client-request-id': 'mine' });
    expect(reply.headers.get('client-request-id')).toBe('mine');
    expect(reply.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(reply.headers.get('content-type')).toBe('application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8');
  });

  test('when the path has an unknown segment or the method is wrong, then 400 and 405', async () => {
    const unknown = await graph.get('/usres');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe("Resource not found for the segment 'usres'.");
    expect((await graph.call('DELETE', '/users')).status).toBe(405);
  });

  test('when the beta version is used, then the same resources answer with beta links', async () => {
    const reply = await graph.get(`${graph.emulator.info.graphBetaBaseUrl}/users?$top=1`);
    expect(reply.body['@odata.nextLink'].startsWith(`${graph.emulator.info.graphBetaBaseUrl}/users?`)).toBe(true);
  });
});
