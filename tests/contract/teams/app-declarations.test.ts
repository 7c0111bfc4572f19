import path from 'node:path';
import { GraphBatcher } from '../../../adapters/graph/batcher';
import { CONSENTED_PERMISSION_SET, GraphInstaller } from '../../../adapters/graph/installer';
import { graphHttpFor, startTestEmulator } from '../../support/emulator';
import { readAppManifest } from '../../../emulator/tenant/app-manifest';
import { DEFAULT_APP_DECLARATIONS } from '../../../emulator/tenant/seed';

const manifestFile = path.resolve(__dirname, '..', '..', '..', 'appPackage', 'manifest.json');

describe("Herald's resource-specific permissions and activity types, in the three places that must agree", () => {
  it("when the emulator starts without --app-manifest, then its Herald declares exactly what appPackage/manifest.json declares", async () => {
    const { declarations } = await readAppManifest(manifestFile);
    expect(DEFAULT_APP_DECLARATIONS).toEqual(declarations);
  });

  it("when Herald installs itself for a person, then the set it consents to is the manifest's (Graph refuses any other)", async () => {
    const { declarations } = await readAppManifest(manifestFile);
    const consented = CONSENTED_PERMISSION_SET.resourceSpecificPermissions.map((permission) => ({ permissionValue: permission.permissionValue, permissionType: permission.permissionType.toLowerCase() }));
    expect(consented).toEqual(declarations.resourceSpecificPermissions);
  });

  it('when read, then the manifest asks for read receipts in the chat and activity-feed notifications to the person, both as application permissions', async () => {
    const { declarations } = await readAppManifest(manifestFile);
    expect(declarations.resourceSpecificPermissions.map((permission) => permission.permissionValue)).toEqual(['ChatMessageReadReceipt.Read.Chat', 'TeamsActivity.Send.User']);
    expect(declarations.activityTypes.map((activityType) => activityType.type)).toEqual(['announcementReminder']);
    // The template's parameters besides {actor} are what a reminder must send as templateParameters.
    expect(declarations.activityTypes[0]!.templateText).toBe('{actor} reminds you: {announcement}');
  });
});

describe("Herald's installer against the emulated Graph", () => {
  it('when it installs Herald for a person, then Graph accepts the consent and the installation holds both permissions, so receipts and feed notifications can flow', async () => {
    const emulator = await startTestEmulator({ users: 30 });
    try {
      const installer = new GraphInstaller(new GraphBatcher(graphHttpFor(emulator)));
      const person = emulator.context.state.directory.users.find((user) => user.userType === 'Member' && user.hasTeamsLicense && user.accountEnabled)!;
      expect(await installer.installForUser(person.id, emulator.info.id)).toBe('installed');
      const installation = emulator.context.state.findInstallation(person.id, emulator.info.id)!;
      expect(installation.consentedPermissions.map((permission) => permission.permissionValue)).toEqual(['ChatMessageReadReceipt.Read.Chat', 'TeamsActivity.Send.User']);
    } finally {
      await emulator.close();
    }
  });
});
