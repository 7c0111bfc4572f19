import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnEmulator, type SpawnedEmulator } from '../../../emulator/spawn';
import { DEFAULT_GRAPH_ROLES } from '../../../emulator/tenant/seed';
import type { RunningEmulator } from '../../../emulator/server';
import { claimsOf, msalFor, startTestEmulator } from '../connector/harness';

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
const INSTALL_ROLE = 'TeamsAppInstallation.ReadWriteForUser.All';

/**
 * Microsoft's graph-proactive-installation sample uses one app registration as the bot and as the Graph client:
 * it asks the tenant for a Graph token with the bot's id and secret, lists and installs the app for a user, and
 * reads the chat. The bot's registration starts with no Graph permissions (as a new registration does); an admin's
 * consent is the emulator's seed option (`botGraphRoles`, `--bot-graph-roles`) or the inspection API.
 */
describe("Graph application permissions on the bot's own app registration", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());

  const botToken = async (): Promise<string> => {
    const msal = await msalFor(emulator, { clientId: emulator.info.botAppId, clientSecret: emulator.info.botAppPassword });
    return (await msal.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE], skipCache: true }))!.accessToken;
  };
  const graph = (token: string, method: string, path: string, body?: unknown) =>
    fetch(`${emulator.info.graphBaseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  const grant = (roles: string[], appId?: string) =>
    fetch(`${emulator.info.inspectUrl}/graph-roles`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ roles, ...(appId ? { appId } : {}) }) });
  const person = () => emulator.context.state.directory.users.find((user) => user.hasTeamsLicense && user.accountEnabled && user.userType === 'Member')!;

  it('when nothing was consented, then the bot gets a Graph token without roles and Graph answers 403', async () => {
    const token = await botToken();
    expect(claimsOf(token)).toMatchObject({ aud: 'https://graph.microsoft.com', appid: emulator.info.botAppId });
    expect(claimsOf(token).roles).toBeUndefined();
    const listed = await graph(token, 'GET', `/users/${person().id}/teamwork/installedApps`);
    expect(listed.status).toBe(403);
    expect((await listed.json()).error.code).toBe('Forbidden');
  });

  it("when the inspection API grants the bot's registration, then the sample's sequence runs with the bot's own token", async () => {
    const granted = await grant([INSTALL_ROLE, 'AppCatalog.Read.All', 'Chat.Read.All'], emulator.info.botAppId);
    expect(await granted.json()).toEqual({ roles: [INSTALL_ROLE, 'AppCatalog.Read.All', 'Chat.Read.All'] });
    // The Graph client app's grant is untouched.
    expect(emulator.context.state.directory.graphClient.graphRoles).toEqual(DEFAULT_GRAPH_ROLES);
    const token = await botToken();
    expect(claimsOf(token).roles).toEqual([INSTALL_ROLE, 'AppCatalog.Read.All', 'Chat.Read.All']);
    const { id: userId } = person();
    const installed = await graph(token, 'POST', `/users/${userId}/teamwork/installedApps`, { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${emulator.info.id}` });
    expect(installed.status).toBe(201);
    const listed = await (await graph(token, 'GET', `/users/${userId}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '${emulator.info.id}'`)).json();
    expect(listed.value).toHaveLength(1);
    const chat = await graph(token, 'GET', `/users/${userId}/teamwork/installedApps/${listed.value[0].id}/chat`);
    expect(chat.status).toBe(200);
    expect(await chat.json()).toMatchObject({ chatType: 'oneOnOne' });
  });

  it('when the inspection API names an app the tenant does not have, then 400', async () => {
    expect((await grant(['User.Read.All'], '00000000-0000-0000-0000-000000000000')).status).toBe(400);
  });
});

describe('npm run emulator -- --bot-graph-roles', () => {
  let spawned: SpawnedEmulator;
  let stateDir: string;
  beforeAll(async () => {
    stateDir = await mkdtemp(path.join(tmpdir(), 'herald-bot-roles-'));
  });
  afterAll(async () => {
    await spawned?.stop();
    await rm(stateDir, { recursive: true, force: true });
  });

  it("when started with --bot-graph-roles default, then the bot's Graph token carries the Graph client's default roles", async () => {
    spawned = await spawnEmulator(['--port', '0', '--users', '20', '--limits', 'off', '--state-dir', stateDir, '--bot-graph-roles', 'default']);
    const response = await fetch(spawned.info.tokenEndpoint, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: GRAPH_SCOPE, client_id: spawned.info.botAppId, client_secret: spawned.info.botAppPassword }),
    });
    expect(claimsOf((await response.json()).access_token).roles).toEqual(DEFAULT_GRAPH_ROLES);
  });
});
