import { fixture, shapeDifferences } from './shape';
import { startGraph, type GraphHarness } from './harness';

/**
 * userteamwork-list-installedapps.md: Example 3 (`$expand=teamsApp,teamsAppDefinition&$filter=teamsApp/externalId eq
 * '…'`, the lookup the seed document and Herald make) answers `"@odata.count": 1` though it does not ask for `$count`;
 * Example 1 (no query) and Example 2 (`$expand` alone) show none.
 */
describe("@odata.count on a user's installed apps, as Microsoft's documented examples carry it", () => {
  let graph: GraphHarness;
  let userId: string;
  beforeAll(async () => {
    graph = await startGraph();
    const user = graph.emulator.context.state.directory.users.find((candidate) => candidate.hasTeamsLicense && candidate.accountEnabled)!;
    userId = user.id;
    graph.emulator.context.state.install('user', userId, graph.emulator.info.id, { silent: true });
  });
  afterAll(() => graph.close());

  it('when installed apps are expanded and filtered by manifest id (Example 3), then @odata.count counts the filtered apps', async () => {
    const reply = await graph.get(`/users/${userId}/teamwork/installedApps?$expand=teamsApp,teamsAppDefinition&$filter=teamsApp/externalId eq '${graph.emulator.info.externalId}'`);
    expect(reply.status).toBe(200);
    expect(shapeDifferences(reply.body, fixture('list-user-installed-apps-expanded'))).toEqual([]);
    expect(reply.body['@odata.count']).toBe(1);
    expect(reply.body.value).toHaveLength(1);
  });

  it('when the filter matches nothing, then @odata.count is 0 beside an empty value', async () => {
    const reply = await graph.get(`/users/${userId}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/externalId eq '00000000-0000-0000-0000-000000000000'`);
    expect(reply.body).toMatchObject({ '@odata.count': 0, value: [] });
  });

  it('when they are listed without a query (Example 1) or only expanded (Example 2), then there is no @odata.count', async () => {
    expect((await graph.get(`/users/${userId}/teamwork/installedApps`)).body).not.toHaveProperty('@odata.count');
    expect((await graph.get(`/users/${userId}/teamwork/installedApps?$expand=teamsAppDefinition`)).body).not.toHaveProperty('@odata.count');
  });

  it('when $count=true is asked, then the count is there as before', async () => {
    expect((await graph.get(`/users/${userId}/teamwork/installedApps?$count=true`)).body['@odata.count']).toBeGreaterThanOrEqual(1);
  });
});
