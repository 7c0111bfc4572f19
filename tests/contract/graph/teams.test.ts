import { startGraph, type GraphHarness } from './harness';

describe('teams, members, channels and team installs', () => {
  let graph: GraphHarness;
  const teams = () => graph.emulator.context.state.directory.teams;

  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.close());

  test('when teams are listed and one is read, then each has its id and name', async () => {
    const list = await graph.get('/teams');
    expect(list.body.value.map((team: { id: string }) => team.id)).toEqual(teams().map((team) => team.id));
    const team = await graph.get(`/teams/${teams()[0]!.id}`);
    expect(team.body).toMatchObject({ id: teams()[0]!.id, displayName: teams()[0]!.displayName, internalId: teams()[0]!.internalId });
  });

  test('when an unknown team is read, then Teams answers 404 NotFound', async () => {
    const reply = await graph.get('/teams/00000000-0000-0000-0000-000000000000');
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('NotFound');
  });

  test('when team members are listed, then each is an aadUserConversationMember with its roles', async () => {
    const team = teams().find((candidate) => candidate.displayName === 'Project Falcon')!;
    const reply = await graph.get(`/teams/${team.id}/members`);
    expect(reply.body['@odata.count']).toBe(team.members.length);
    for (const member of reply.body.value) {
      expect(member['@odata.type']).toBe('#microsoft.graph.aadUserConversationMember');
      const seeded = team.members.find((candidate) => candidate.userId === member.userId)!;
      expect(member.roles).toEqual(seeded.roles);
    }
    expect(reply.body.value.some((member: { roles: string[] }) => member.roles.includes('owner'))).toBe(true);
  });

  test('when members are filtered on userId behind the cast, as the docs show, then only that member comes back', async () => {
    const team = teams()[0]!;
    const userId = team.members[1]!.userId;
    const reply = await graph.get(`/teams/${team.id}/members?$filter=(microsoft.graph.aadUserConversationMember/userId eq '${userId}')`);
    expect(reply.body.value.map((member: { userId: string }) => member.userId)).toEqual([userId]);
  });

  test("when channels are listed, then the team's channels come back", async () => {
    const team = teams()[0]!;
    const reply = await graph.get(`/teams/${team.id}/channels`);
    expect(reply.body.value.map((channel: { displayName: string }) => channel.displayName)).toEqual(['General', 'Announcements']);
  });

  test('when the app is added to a team, then 200 with no body, then 409, and the filtered list finds it', async () => {
    const team = teams()[1]!;
    const body = { 'teamsApp@odata.bind': `${graph.emulator.info.graphBaseUrl}/appCatalogs/teamsApps/${graph.emulator.info.id}` };
    const first = await graph.call('POST', `/teams/${team.id}/installedApps`, { body });
    expect(first.status).toBe(200);
    expect(first.body).toBeUndefined();
    expect((await graph.call('POST', `/teams/${team.id}/installedApps`, { body })).status).toBe(409);
    const list = await graph.get(`/teams/${team.id}/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '${graph.emulator.info.id}'`);
    expect(list.body.value).toHaveLength(1);
    expect(list.body.value[0].teamsApp.externalId).toBe(graph.emulator.info.externalId);
  });
});
