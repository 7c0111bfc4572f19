import type { Installation } from '../../../emulator/tenant/state';
import { startGraph, type GraphHarness } from './harness';

describe("a user's installed apps", () => {
  let graph: GraphHarness;
  const users = () => graph.emulator.context.state.directory.users;
  const eligible = (index: number) => users().filter((user) => user.hasTeamsLicense && user.accountEnabled)[index]!;
  const bind = (base = 'https://graph.microsoft.com/v1.0', appId?: string) => ({ 'teamsApp@odata.bind': `${base}/appCatalogs/teamsApps/${appId ?? graph.emulator.info.id}` });
  const install = (userId: string, body: unknown = bind()) => graph.call('POST', `/users/${userId}/teamwork/installedApps`, { body });

  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.close());

  test('when the app is installed, then 201 with an empty body, the installed event fires, and a second install is 409', async () => {
    const user = eligible(0);
    const events: Installation[] = [];
    const listener = (installation: Installation): void => void events.push(installation);
    graph.emulator.context.state.on('installed', listener);
    try {
      const first = await install(user.id);
      expect(first.status).toBe(201);
      expect(first.body).toBeUndefined();
      expect(events.map((event) => [event.scope, event.scopeId, event.teamsAppId])).toEqual([['user', user.id, graph.emulator.info.id]]);
      const second = await install(user.id);
      expect(second.status).toBe(409);
      expect(second.body.error.code).toBe('Conflict');
    } finally {
      graph.emulator.context.state.off('installed', listener);
    }
  });

  test("when the bind link uses the emulator's own base URL, then it installs too", async () => {
    expect((await install(eligible(1).id, bind(graph.emulator.info.graphBaseUrl))).status).toBe(201);
  });

  test("when the user's app permission policy blocks the app, then 403 Forbidden", async () => {
    const user = eligible(2);
    graph.emulator.context.state.policyBlockedUserIds.add(user.id);
    const reply = await install(user.id);
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('Forbidden');
  });

  test('when the user is deleted or unknown, then 404', async () => {
    const user = eligible(3);
    graph.emulator.context.state.deletedUserIds.add(user.id);
    expect((await install(user.id)).status).toBe(404);
    expect((await install('00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });

  test('when the user has no Teams licence, then 403 with a licence message', async () => {
    const unlicensed = eligible(6);
    unlicensed.hasTeamsLicense = false;
    const reply = await install(unlicensed.id);
    expect(reply.status).toBe(403);
    expect(reply.body.error.message).toMatch(/license/);
  });

  test('when the bind is missing or names an app outside the catalog, then 400 and 404', async () => {
    expect((await install(eligible(4).id, {})).status).toBe(400);
    expect((await install(eligible(4).id, bind(undefined, '00000000-0000-0000-0000-000000000000'))).status).toBe(404);
  });

  test('when an installation is read, its chat fetched, and it is removed, then 200, the chat id, then 204 and gone', async () => {
    const user = eligible(5);
    await install(user.id);
    const list = await graph.get(`/users/${user.id}/teamwork/installedApps?$expand=teamsApp,teamsAppDefinition`);
    const installation = list.body.value[0];
    expect(installation.teamsAppDefinition.teamsAppId).toBe(graph.emulator.info.id);
    const chat = await graph.get(`/users/${user.id}/teamwork/installedApps/${installation.id}/chat`);
    expect(chat.body.id).toMatch(/^19:.+@unq\.gbl\.spaces$/);
    const removed = await graph.call('DELETE', `/users/${user.id}/teamwork/installedApps/${installation.id}`);
    expect(removed.status).toBe(204);
    expect((await graph.get(`/users/${user.id}/teamwork/installedApps`)).body.value).toEqual([]);
    expect((await graph.get(`/users/${user.id}/teamwork/installedApps/${installation.id}/chat`)).status).toBe(404);
  });

  test('when $expand names something unknown, then 400', async () => {
    expect((await graph.get(`/users/${eligible(0).id}/teamwork/installedApps?$expand=owner`)).status).toBe(400);
  });
});
