import { ConfidentialClientApplication } from '@azure/msal-node';
import { BatchRequestContent, BatchResponseContent, Client, PageIterator, type PageCollection } from '@microsoft/microsoft-graph-client';
import { startHttpsEmulator, type HttpsEmulator } from './https-emulator';

/**
 * Microsoft's Graph JS client (3.0.7) sends its bearer token only to https URLs on Graph's hosts or on `customHosts`
 * (host names, without a port), so over plain http it called the emulator without a token. Over https it needs:
 * `baseUrl` on the emulator, `customHosts` with the emulator's host name, and an auth provider (msal-node here).
 */
describe('@microsoft/microsoft-graph-client against the https emulator, by configuration only', () => {
  let https: HttpsEmulator;
  let client: Client;
  beforeAll(async () => {
    https = await startHttpsEmulator({ users: 230 });
    const { info } = https.emulator;
    const msal = new ConfidentialClientApplication({
      auth: { clientId: info.graphClientId, clientSecret: info.graphClientSecret, authority: `${info.authorityBaseUrl}/${info.tenantId}`, knownAuthorities: [https.host] },
    });
    client = Client.initWithMiddleware({
      baseUrl: `${info.origin}/graph/`,
      defaultVersion: 'v1.0',
      customHosts: new Set([new URL(info.origin).hostname]),
      authProvider: {
        getAccessToken: async () => (await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }))!.accessToken,
      },
    });
  });
  afterAll(() => https.close());

  it('when the catalog is queried by manifest id (the seed document\'s first call), then the client gets Herald\'s app', async () => {
    const { info } = https.emulator;
    const apps = await client.api('/appCatalogs/teamsApps').filter(`externalId eq '${info.externalId}'`).get();
    expect(apps.value).toEqual([expect.objectContaining({ id: info.id, externalId: info.externalId, distributionMethod: 'organization' })]);
  });

  it('when PageIterator walks /users, then it follows every @odata.nextLink on the emulator and sees each user once', async () => {
    const first: PageCollection = await client.api('/users').select(['id', 'displayName']).top(100).get();
    expect(first['@odata.nextLink']).toMatch(new RegExp(`^${https.emulator.info.graphBaseUrl.replace(/[.]/g, '\\.')}/users\\?`));
    const seen: string[] = [];
    const iterator = new PageIterator(client, first, (user: { id: string }) => {
      seen.push(user.id);
      return true;
    });
    await iterator.iterate();
    expect(iterator.isComplete()).toBe(true);
    expect(seen).toHaveLength(230);
    expect(new Set(seen).size).toBe(230);
  });

  it('when BatchRequestContent installs the app and reads the chat with dependsOn, then each inner answer is the documented one', async () => {
    const { info, context } = https.emulator;
    const user = context.state.directory.users.find((candidate) => candidate.hasTeamsLicense && candidate.accountEnabled && candidate.userType === 'Member')!;
    // Node's Request needs an absolute URL. In 3.0.7 BatchRequestContent keeps the path after the host, version
    // included, and Graph refuses "/v1.0/…" inside a batch; so requests are written on the host alone, as the SDK's
    // maintainers advise for 3.0.7 (msgraph-sdk-javascript#1451): here the emulator's origin.
    const at = (relative: string) => `${info.origin}${relative}`;
    const content = new BatchRequestContent([
      {
        id: 'install',
        request: new Request(at(`/users/${user.id}/teamwork/installedApps`), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${info.id}` }),
        }),
      },
      {
        id: 'lookup',
        dependsOn: ['install'],
        request: new Request(at(`/users/${user.id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '${info.id}'`), { method: 'GET' }),
      },
    ]);
    const answer = new BatchResponseContent(await client.api('/$batch').post(await content.getContent()));
    expect(answer.getResponseById('install').status).toBe(201);
    const lookup = answer.getResponseById('lookup');
    expect(lookup.status).toBe(200);
    const listed = (await lookup.json()) as { value: Array<{ id: string; teamsApp: { id: string } }> };
    expect(listed.value).toEqual([expect.objectContaining({ teamsApp: expect.objectContaining({ id: info.id }) })]);

    const chat = await client.api(`/users/${user.id}/teamwork/installedApps/${listed.value[0]!.id}/chat`).get();
    expect(chat).toMatchObject({ chatType: 'oneOnOne', id: expect.stringMatching(/^19:/) });
  });

  it('when customHosts does not name the emulator, then the client sends no token and Graph answers 401', async () => {
    const bare = Client.initWithMiddleware({ baseUrl: `${https.emulator.info.origin}/graph/`, authProvider: { getAccessToken: async () => 'never sent' } });
    await expect(bare.api('/users').get()).rejects.toMatchObject({ statusCode: 401 });
  });

  it('when Graph answers an error, then the client raises a GraphError with Graph\'s status and code', async () => {
    await expect(client.api('/users/00000000-0000-0000-0000-000000000000').get()).rejects.toMatchObject({ statusCode: 404, code: 'Request_ResourceNotFound' });
  });
});
