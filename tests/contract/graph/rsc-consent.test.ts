import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Installation } from '../../../emulator/tenant/state';
import { startGraph, type GraphHarness } from './harness';
import { graphToken } from './token';

/** Microsoft's documented upgrade-and-consent body and the permission resource's shape. */
const documented = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'graph', 'install-with-consent.json'), 'utf8'));

const HERALD_SET = {
  resourceSpecificPermissions: [
    { permissionValue: 'ChatMessageReadReceipt.Read.Chat', permissionType: 'Application' },
    { permissionValue: 'TeamsActivity.Send.User', permissionType: 'Application' },
  ],
};

describe('installing and upgrading with consentedPermissionSet', () => {
  let graph: GraphHarness;
  const eligible = (index: number) => graph.emulator.context.state.directory.users.filter((user) => user.hasTeamsLicense && user.accountEnabled)[index]!;
  const bind = () => ({ 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${graph.emulator.info.id}` });
  const install = (userId: string, body: Record<string, unknown>, token?: string) =>
    graph.call('POST', `/users/${userId}/teamwork/installedApps`, { body: { ...bind(), ...body }, token });
  const installationOf = (userId: string) => graph.emulator.context.state.findInstallation(userId, graph.emulator.info.id);

  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.close());

  test("when the catalog is listed with its definitions, then each carries the manifest's RSC permissions as Graph's requiredPermissionSet", async () => {
    const reply = await graph.get(`/appCatalogs/teamsApps?$filter=id eq '${graph.emulator.info.id}'&$expand=appDefinitions`);
    const definition = reply.body.value[0].appDefinitions[0];
    expect(definition.authorization.requiredPermissionSet.resourceSpecificPermissions).toEqual([
      { permissionValue: 'ChatMessageReadReceipt.Read.Chat', permissionType: 'application' },
      { permissionValue: 'TeamsActivity.Send.User', permissionType: 'application' },
    ]);
    const { '@odata.type': _type, ...permissionShape } = documented.permissionResource;
    expect(Object.keys(definition.authorization.requiredPermissionSet.resourceSpecificPermissions[0]).sort()).toEqual(Object.keys(permissionShape).sort());
  });

  test('when the set matches the app definition, then 201, and the installation records what was consented', async () => {
    const user = eligible(0);
    expect((await install(user.id, { consentedPermissionSet: HERALD_SET })).status).toBe(201);
    const reply = await graph.get(`/users/${user.id}/teamwork/installedApps/${installationOf(user.id)!.id}`);
    expect(reply.body.consentedPermissionSet.resourceSpecificPermissions).toEqual([
      { permissionValue: 'ChatMessageReadReceipt.Read.Chat', permissionType: 'application' },
      { permissionValue: 'TeamsActivity.Send.User', permissionType: 'application' },
    ]);
  });

  test('when the set leaves out a permission the app declares, then 400 ResourceSpecificPermissionsMismatch naming it, and nothing is installed', async () => {
    const user = eligible(1);
    const reply = await install(user.id, { consentedPermissionSet: documented.upgradeBody.consentedPermissionSet });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('ResourceSpecificPermissionsMismatch');
    expect(reply.body.error.message).toContain('not consented: ChatMessageReadReceipt.Read.Chat (application)');
    expect(installationOf(user.id)).toBeUndefined();
  });

  test('when the set names a permission the app does not declare, then 400 ResourceSpecificPermissionsMismatch naming it', async () => {
    const set = { resourceSpecificPermissions: [...HERALD_SET.resourceSpecificPermissions, { permissionValue: 'ChatMessage.Read.Chat', permissionType: 'Application' }] };
    const reply = await install(eligible(2).id, { consentedPermissionSet: set });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain('not declared by the app: ChatMessage.Read.Chat (application)');
  });

  test('when a permission type is neither application nor delegated, then 400 BadRequest saying so', async () => {
    const set = { resourceSpecificPermissions: [{ permissionValue: 'TeamsActivity.Send.User', permissionType: 'Everything' }] };
    const reply = await install(eligible(2).id, { consentedPermissionSet: set });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('BadRequest');
    expect(reply.body.error.message).toMatch(/Everything/);
  });

  test('when the caller holds only ReadWriteSelfForUser.All, then a consenting install is 403: that permission cannot consent to RSC permissions', async () => {
    const token = await graphToken(graph.emulator, { roles: ['TeamsAppInstallation.ReadWriteSelfForUser.All'] });
    const reply = await install(eligible(3).id, { consentedPermissionSet: HERALD_SET }, token);
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('Forbidden');
    expect(reply.body.error.message).toContain('TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All');
  });

  test('when the set is left out, then the install succeeds and consents nothing (the seed document\'s install)', async () => {
    const user = eligible(4);
    expect((await install(user.id, {})).status).toBe(201);
    expect(installationOf(user.id)!.consentedPermissions).toEqual([]);
  });

  test("when an installation without consent is upgraded with the app's set, then 204, it records the set, and Teams tells the bot add-upgrade", async () => {
    const user = eligible(5);
    await install(user.id, {});
    const installation = installationOf(user.id)!;
    const upgraded: Installation[] = [];
    const listener = (item: Installation): void => void upgraded.push(item);
    graph.emulator.context.state.on('upgraded', listener);
    try {
      const url = `/users/${user.id}/teamwork/installedApps/${installation.id}/upgrade`;
      const partial = await graph.call('POST', url, { body: documented.upgradeBody });
      expect(partial.status).toBe(400);
      expect(partial.body.error.code).toBe('ResourceSpecificPermissionsMismatch');
      const reply = await graph.call('POST', url, { body: { consentedPermissionSet: HERALD_SET } });
      expect(reply.status).toBe(204);
      expect(reply.body).toBeUndefined();
      expect(upgraded.map((item) => item.id)).toEqual([installation.id]);
      expect(installationOf(user.id)!.consentedPermissions.map((permission) => permission.permissionValue)).toEqual(['ChatMessageReadReceipt.Read.Chat', 'TeamsActivity.Send.User']);
    } finally {
      graph.emulator.context.state.off('upgraded', listener);
    }
  });

  test('when an upgrade has no body (example 1), then 204 and the consent stays as it was', async () => {
    const user = eligible(0);
    const installation = installationOf(user.id)!;
    expect((await graph.call('POST', `/users/${user.id}/teamwork/installedApps/${installation.id}/upgrade`)).status).toBe(204);
    expect(installation.consentedPermissions).toHaveLength(2);
  });

  test('when the installation to upgrade does not exist, then 404 NotFound', async () => {
    const reply = await graph.call('POST', `/users/${eligible(6).id}/teamwork/installedApps/bm9wZQ==/upgrade`, { body: { consentedPermissionSet: HERALD_SET } });
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('NotFound');
  });

  test('when installs and upgrades go through $batch, then each inner request is checked the same way', async () => {
    const user = eligible(7);
    const reply = await graph.call('POST', '/$batch', {
      body: {
        requests: [
          { id: '1', method: 'POST', url: `/users/${user.id}/teamwork/installedApps`, headers: { 'Content-Type': 'application/json' }, body: { ...bind(), consentedPermissionSet: documented.upgradeBody.consentedPermissionSet } },
          { id: '2', method: 'POST', url: `/users/${user.id}/teamwork/installedApps`, dependsOn: ['1'], headers: { 'Content-Type': 'application/json' }, body: { ...bind(), consentedPermissionSet: HERALD_SET } },
        ],
      },
    });
    const byId = Object.fromEntries(reply.body.responses.map((response: { id: string; status: number; body?: { error?: { code: string } } }) => [response.id, response]));
    expect(byId['1'].status).toBe(400);
    expect(byId['1'].body.error.code).toBe('ResourceSpecificPermissionsMismatch');
    expect(byId['2'].status).toBe(424);
  });
});
