import type { RunningEmulator } from '../../../emulator/server';
import { GraphBatcher } from '../../../adapters/graph/batcher';
import { GraphInstaller } from '../../../adapters/graph/installer';
import { GraphDirectory } from '../../../adapters/graph/directory';
import { PlatformError } from '../../../core/ports/platform-error';
import { graphHttpFor, startTestEmulator } from '../../support/emulator';

describe('Graph adapters against the emulator', () => {
  let emulator: RunningEmulator;
  let installer: GraphInstaller;
  let directory: GraphDirectory;
  let catalogId: string;
  const members = () => emulator.context.state.directory.users.filter((u) => u.userType === 'Member' && u.hasTeamsLicense && u.accountEnabled);

  beforeAll(async () => {
    emulator = await startTestEmulator({ users: 250 });
    const http = graphHttpFor(emulator);
    installer = new GraphInstaller(new GraphBatcher(http));
    directory = new GraphDirectory(http);
    catalogId = (await installer.findCatalogApp(emulator.info.externalId))!.id;
  });
  afterAll(() => emulator.close());

  it('when the catalog has the app, then findCatalogApp gives its catalog id; when not, undefined', async () => {
    expect(catalogId).toBe(emulator.info.id);
    await expect(installer.findCatalogApp('00000000-0000-4000-8000-000000000000')).resolves.toBeUndefined();
  });

  it('when many installs run at once, then they go out in $batch requests and 201/409 both succeed', async () => {
    const users = members().slice(0, 45).map((u) => u.id);
    emulator.context.counters.reset();
    const first = await Promise.all(users.map((id) => installer.installForUser(id, catalogId)));
    expect(first.every((outcome) => outcome === 'installed')).toBe(true);
    const second = await Promise.all(users.map((id) => installer.installForUser(id, catalogId)));
    expect(second.every((outcome) => outcome === 'already_installed')).toBe(true);
    const counters = emulator.context.counters.snapshot();
    expect(Object.entries(counters).some(([name, value]) => /batch/i.test(name) && value > 0)).toBe(true);
  });

  it('when installed, then the installation and its chat are found', async () => {
    const user = members()[50]!.id;
    expect(await installer.findUserInstallation(user, catalogId)).toBeUndefined();
    await installer.installForUser(user, catalogId);
    const installation = await installer.findUserInstallation(user, catalogId);
    expect(installation).toBeDefined();
    const chatId = await installer.chatOfInstallation(user, installation!);
    expect(chatId).toMatch(/^19:.+@unq\.gbl\.spaces$/);
  });

  it('when a user is blocked by app policy, then the install fails with a 403 PlatformError', async () => {
    const user = members()[60]!.id;
    emulator.context.state.policyBlockedUserIds.add(user);
    const failure = await installer.installForUser(user, catalogId).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PlatformError);
    expect((failure as PlatformError).status).toBe(403);
  });

  it('when a group nests groups, then groupMembers streams every user once per page', async () => {
    const allStaff = (await directory.searchGroups('All staff', 5))[0]!;
    const ids: string[] = [];
    for await (const page of directory.groupMembers(allStaff.id)) ids.push(...page.map((user) => user.id));
    const expected = emulator.context.state.directory.users.filter((u) => u.userType === 'Member').length;
    expect(new Set(ids).size).toBe(expected);
  });

  it('when listing everyone, then all pages are followed', async () => {
    let count = 0;
    for await (const page of directory.allUsers()) count += page.length;
    expect(count).toBe(250);
  });

  it('when a team is found, then its members carry roles and its channels are listed', async () => {
    const team = (await directory.searchTeams('Leadership', 5))[0]!;
    const roles: string[][] = [];
    for await (const page of directory.teamMembers(team.id)) roles.push(...page.map((member) => member.roles));
    expect(roles.some((r) => r.includes('owner'))).toBe(true);
    expect((await directory.teamChannels(team.id)).map((c) => c.displayName)).toContain('General');
    expect(await installer.installForTeam(team.id, catalogId)).toBe('installed');
    expect(await installer.installForTeam(team.id, catalogId)).toBe('already_installed');
    expect(await installer.findTeamInstallation(team.id, catalogId)).toBeDefined();
  });

  it('when a user does not exist, then findUser gives undefined', async () => {
    await expect(directory.findUser('nobody@example.com')).resolves.toBeUndefined();
    const known = members()[0]!;
    await expect(directory.findUser(known.userPrincipalName)).resolves.toMatchObject({ id: known.id });
  });
});
