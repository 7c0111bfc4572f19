import { startGraph, type GraphHarness } from './harness';

/**
 * Every request of the seed document (/work/shared/seed/000_f368a1f1be96345e.txt), written as it is there with
 * its placeholders filled and `https://graph.microsoft.com` replaced by the emulator's origin.
 */
describe('the seed document, request by request', () => {
  let graph: GraphHarness;
  let graphRoot: string;
  let userId: string;
  let teamId: string;
  let externalId: string;
  let teamsAppId: string;

  beforeAll(async () => {
    graph = await startGraph();
    graphRoot = graph.emulator.info.graphBaseUrl.replace(/\/v1\.0$/, '');
    userId = graph.emulator.context.state.directory.users.find((user) => user.hasTeamsLicense && user.accountEnabled)!.id;
    teamId = graph.emulator.context.state.directory.teams[0]!.id;
    externalId = graph.emulator.info.externalId;
    teamsAppId = graph.emulator.info.id;
  });
  afterAll(() => graph.close());

  const seed = (text: string): string => `${graphRoot}${text}`;

  test('when the catalog is filtered on the manifest id, then it returns the Herald teamsApp with its catalog id', async () => {
    const reply = await graph.get(seed(`/v1.0/appCatalogs/teamsApps?$filter=externalId eq '${externalId}'`));
    expect(reply.status).toBe(200);
    expect(reply.body.value).toEqual([{ id: teamsAppId, externalId, displayName: 'Herald', distributionMethod: 'organization' }]);
  });

  test("when a user's installed apps are filtered on the manifest id before any install, then the list is empty", async () => {
    const reply = await graph.get(seed(`/v1.0/users/${userId}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/externalId eq '${externalId}'`));
    expect(reply.status).toBe(200);
    expect(reply.body.value).toEqual([]);
  });

  test("when a team's installed apps are filtered on the manifest id, then the answer is a collection", async () => {
    const reply = await graph.get(seed(`/v1.0/teams/${teamId}/installedApps?$expand=teamsApp&$filter=teamsApp/externalId eq '${externalId}'`));
    expect(reply.status).toBe(200);
    expect(Array.isArray(reply.body.value)).toBe(true);
  });

  test('when the app is installed for the user, then every later request of the document finds the installation and its chat', async () => {
    const check = seed(`/v1.0/users/${userId}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '${teamsAppId}'`);
    expect((await graph.get(check)).body.value).toEqual([]);

    const install = await graph.call('POST', seed(`/v1.0/users/${userId}/teamwork/installedApps`), {
      body: { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${teamsAppId}` },
    });
    expect(install.status).toBe(201);
    expect(install.body).toBeUndefined();

    const installed = await graph.get(check);
    expect(installed.body.value).toHaveLength(1);
    expect(installed.body.value[0].teamsApp.id).toBe(teamsAppId);

    const beta = await graph.get(seed(`/beta/users/${userId}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '${teamsAppId}'`));
    const teamsAppInstallationId = beta.body.value[0].id as string;
    expect(teamsAppInstallationId).toBe(installed.body.value[0].id);

    const chat = await graph.get(seed(`/beta/users/${userId}/teamwork/installedApps/${teamsAppInstallationId}/chat`));
    expect(chat.status).toBe(200);
    const conversation = graph.emulator.context.state.personalConversation(userId, graph.emulator.info.botAppId);
    expect(chat.body.id).toBe(conversation.chatId);

    const chats = await graph.get(seed(`/beta/users/${userId}/chats?$filter=installedApps/any(a:a/teamsApp/id eq '${teamsAppId}')`));
    expect(chats.status).toBe(200);
    expect(chats.body.value.map((item: { id: string }) => item.id)).toEqual([conversation.chatId]);
  });
});
