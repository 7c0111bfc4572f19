import type { EmulatedGroup } from '../../../emulator/tenant/model';
import { startGraph, type GraphHarness } from './harness';

describe('groups and their members', () => {
  let graph: GraphHarness;
  const groups = () => graph.emulator.context.state.directory.groups;
  const allStaff = () => groups().find((group) => group.displayName === 'All staff')!;

  beforeAll(async () => {
    graph = await startGraph({ users: 120 });
  });
  afterAll(() => graph.close());

  /** Expected transitive members, computed from the seeded model independently of the emulator's walk. */
  function nested(group: EmulatedGroup, into = new Set<string>()): Set<string> {
    group.memberUserIds.forEach((id) => into.add(id));
    for (const id of group.memberGroupIds) {
      into.add(id);
      nested(groups().find((candidate) => candidate.id === id)!, into);
    }
    return into;
  }

  test('when $search runs without ConsistencyLevel, then 400; with it, the groups whose names match come back', async () => {
    const plain = await graph.get('/groups?$search="displayName:Region"');
    expect(plain.status).toBe(400);
    const eventual = await graph.get('/groups?$search="displayName:Region"', { ConsistencyLevel: 'eventual' });
    expect(eventual.body.value.map((group: { displayName: string }) => group.displayName).sort()).toEqual(['Staff — Region A', 'Staff — Region B']);
  });

  test("when filtered with startswith(displayName,'…'), then the matching groups come back", async () => {
    const reply = await graph.get("/groups?$filter=startswith(displayName,'Staff')&$select=id,displayName");
    expect(reply.body.value).toHaveLength(2);
    expect(reply.body['@odata.context']).toMatch(/#groups\(id,displayName\)$/);
  });

  test('when one group is asked for, then it comes back; an unknown id is 404', async () => {
    expect((await graph.get(`/groups/${allStaff().id}`)).body.displayName).toBe('All staff');
    const missing = await graph.get('/groups/00000000-0000-0000-0000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('Request_ResourceNotFound');
  });

  test('when direct members are listed, then nested groups appear as groups and are not expanded', async () => {
    const reply = await graph.get(`/groups/${allStaff().id}/members`);
    expect(reply.body['@odata.context']).toMatch(/#directoryObjects$/);
    expect(reply.body.value.map((member: Record<string, string>) => member['@odata.type'])).toEqual(['#microsoft.graph.group', '#microsoft.graph.group']);
  });

  test('when transitive members are paged through, then nested groups are flattened and each object comes once', async () => {
    const seen: Array<Record<string, string>> = [];
    let next: string | undefined = `/groups/${allStaff().id}/transitiveMembers?$top=25&$select=id,displayName`;
    let pages = 0;
    while (next) {
      const reply = await graph.get(next);
      seen.push(...reply.body.value);
      next = reply.body['@odata.nextLink'];
      pages += 1;
    }
    expect(pages).toBeGreaterThan(2);
    expect(seen.map((member) => member.id).sort()).toEqual([...nested(allStaff())].sort());
    const users = seen.filter((member) => member['@odata.type'] === '#microsoft.graph.user');
    expect(users.length).toBe(graph.emulator.context.state.directory.users.filter((user) => user.userType === 'Member').length);
  });

  test('when the microsoft.graph.user cast is used, then only users come back, untyped, in a users context', async () => {
    const reply = await graph.get(`/groups/${allStaff().id}/transitiveMembers/microsoft.graph.user?$top=999`);
    expect(reply.body['@odata.context']).toMatch(/#users$/);
    expect(reply.body.value.every((user: Record<string, unknown>) => user['@odata.type'] === undefined && typeof user.userPrincipalName === 'string')).toBe(true);
  });

  test('when a member user is deleted, then transitive membership no longer lists it', async () => {
    const department = groups().find((group) => group.memberUserIds.length > 0 && group.displayName.endsWith('department'))!;
    const doomed = department.memberUserIds[0]!;
    graph.emulator.context.state.deletedUserIds.add(doomed);
    try {
      const reply = await graph.get(`/groups/${allStaff().id}/transitiveMembers?$top=999&$select=id`);
      expect(reply.body.value.map((member: { id: string }) => member.id)).not.toContain(doomed);
    } finally {
      graph.emulator.context.state.deletedUserIds.delete(doomed);
    }
  });
});
