import { fixture, shapeDifferences } from './shape';
import { startGraph, type GraphHarness } from './harness';
import { graphToken } from './token';

/** Responses held to the example responses on Microsoft's Graph reference pages (see each fixture's `_source`). */
describe('responses match the documented examples', () => {
  let graph: GraphHarness;
  let userId: string;

  beforeAll(async () => {
    graph = await startGraph();
    userId = graph.emulator.context.state.directory.users.find((user) => user.hasTeamsLicense && user.accountEnabled)!.id;
    await graph.call('POST', `/users/${userId}/teamwork/installedApps`, { body: { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${graph.emulator.info.id}` } });
  });
  afterAll(() => graph.close());

  test('when users are listed, then each user has exactly the documented default properties', async () => {
    expect(shapeDifferences((await graph.get('/users')).body, fixture('list-users'), true)).toEqual([]);
  });

  test('when the catalog is filtered on the manifest id, with or without appDefinitions, then it matches the examples', async () => {
    const base = `/appCatalogs/teamsApps?$filter=externalId eq '${graph.emulator.info.externalId}'`;
    expect(shapeDifferences((await graph.get(base)).body, fixture('list-teamsapps-by-externalid'), true)).toEqual([]);
    expect(shapeDifferences((await graph.get(`${base}&$expand=appDefinitions`)).body, fixture('list-teamsapps-expand-appdefinitions'))).toEqual([]);
  });

  test('when installed apps are listed with both expansions, then they match the example', async () => {
    const reply = await graph.get(`/users/${userId}/teamwork/installedApps?$expand=teamsApp,teamsAppDefinition&$filter=teamsApp/externalId eq '${graph.emulator.info.externalId}'`);
    expect(shapeDifferences(reply.body, fixture('list-user-installed-apps-expanded'))).toEqual([]);
  });

  test("when an installation's chat is read, then it matches the example", async () => {
    const installation = (await graph.get(`/users/${userId}/teamwork/installedApps`)).body.value[0];
    expect(shapeDifferences((await graph.get(`/users/${userId}/teamwork/installedApps/${installation.id}/chat`)).body, fixture('get-installation-chat'))).toEqual([]);
  });

  test('when team members and transitive members are listed, then they match the examples', async () => {
    const team = graph.emulator.context.state.directory.teams[0]!;
    expect(shapeDifferences((await graph.get(`/teams/${team.id}/members`)).body, fixture('list-team-members'))).toEqual([]);
    const department = graph.emulator.context.state.directory.groups.find((group) => group.displayName.endsWith('department'))!;
    expect(shapeDifferences((await graph.get(`/groups/${department.id}/transitiveMembers`)).body, fixture('list-group-transitive-members'))).toEqual([]);
  });

  test('when $search comes without ConsistencyLevel, then the error matches the documented one exactly but for ids and date', async () => {
    const reply = await graph.get('/users?$search="displayName:a"');
    const documented = fixture('search-without-consistency-level') as { error: { code: string; message: string } };
    expect(shapeDifferences(reply.body, documented, true)).toEqual([]);
    expect(reply.body.error.code).toBe(documented.error.code);
    expect(reply.body.error.message).toBe(documented.error.message);
  });

  test('when a batch holds a denied directory read and a counted select, then each inner response matches the example', async () => {
    const denied = await graph.call('POST', '/$batch', {
      token: await graphToken(graph.emulator, { roles: [] }),
      body: { requests: [{ id: '3', method: 'GET', url: `/groups/${graph.emulator.context.state.directory.groups[0]!.id}` }] },
    });
    const allowed = await graph.call('POST', '/$batch', {
      body: { requests: [{ id: '5', method: 'GET', url: 'users?$select=id,displayName,userPrincipalName&$count=true', headers: { ConsistencyLevel: 'eventual' } }] },
    });
    const [deniedExample, allowedExample] = (fixture('batch-response') as { responses: unknown[] }).responses;
    expect(shapeDifferences(denied.body.responses[0], deniedExample)).toEqual([]);
    expect(shapeDifferences(allowed.body.responses[0], allowedExample)).toEqual([]);
  });
});

describe('the throttled answer matches the documented 429', () => {
  let graph: GraphHarness;

  beforeAll(async () => {
    graph = await startGraph({ limits: 'real' });
  });
  afterAll(() => graph.close());

  test('when one team is asked for too often, then the 429 body has the documented shape and a Retry-After header', async () => {
    const teamId = graph.emulator.context.state.directory.teams[0]!.id;
    const replies = await Promise.all(Array.from({ length: 8 }, () => graph.get(`/teams/${teamId}`)));
    const throttled = replies.find((reply) => reply.status === 429)!;
    expect(throttled).toBeDefined();
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(shapeDifferences(throttled.body, fixture('throttled'), true)).toEqual([]);
  });
});
