import { startGraph, type GraphHarness } from './harness';

/** user-list-manager.md, Example 1: `GET /users/{id|userPrincipalName}/manager` answers 200 with the manager as a user. */
describe('GET /users/{id}/manager', () => {
  let graph: GraphHarness;
  const users = () => graph.emulator.context.state.directory.users;
  const members = () => users().filter((user) => user.userType === 'Member');

  beforeAll(async () => {
    graph = await startGraph({ users: 60 });
  });
  afterAll(() => graph.close());

  test("when a person has a manager, then the answer is the documented example's shape: a user with id, displayName, jobTitle, mail and userPrincipalName", async () => {
    const head = members()[0]!;
    const report = members().find((user) => user.department === head.department && user.id !== head.id)!;
    const reply = await graph.get(`/users/${report.id}/manager`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      '@odata.type': '#microsoft.graph.user',
      id: head.id,
      displayName: head.displayName,
      jobTitle: head.jobTitle,
      mail: head.mail,
      userPrincipalName: head.userPrincipalName,
    });
    expect(reply.body['@odata.context']).toBe(`${graph.emulator.info.graphBaseUrl}/$metadata#directoryObjects/$entity`);
  });

  test('when the person is named by UPN and $select asks for two properties, then only those come back', async () => {
    const head = members()[0]!;
    const report = members().find((user) => user.department === head.department && user.id !== head.id)!;
    const reply = await graph.get(`/users/${encodeURIComponent(report.userPrincipalName)}/manager?$select=id,displayName`);
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body).filter((key) => !key.startsWith('@')).sort()).toEqual(['displayName', 'id']);
  });

  test('when nobody is assigned (the head of a department), then 404 Request_ResourceNotFound', async () => {
    const head = members()[0]!;
    const reply = await graph.get(`/users/${head.id}/manager`);
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('Request_ResourceNotFound');
  });

  test('when the person does not exist, then 404 Request_ResourceNotFound naming them', async () => {
    const reply = await graph.get('/users/00000000-0000-0000-0000-00000000beef/manager');
    expect(reply.status).toBe(404);
    expect(reply.body.error.message).toContain('00000000-0000-0000-0000-00000000beef');
  });

  test('when no token is given, then 401', async () => {
    const report = members()[1]!;
    const reply = await graph.call('GET', `/users/${report.id}/manager`, { token: null });
    expect(reply.status).toBe(401);
  });
});
