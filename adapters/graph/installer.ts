import { z } from 'zod';
import type { InstallerPort } from '../../core/ports/installer';
import { PlatformError } from '../../core/ports/platform-error';
import type { GraphBatcher } from './batcher';

const installationList = z.object({ value: z.array(z.object({ id: z.string() })) });
const catalogList = z.object({
  value: z.array(z.object({ id: z.string(), displayName: z.string(), appDefinitions: z.array(z.object({ version: z.string() })).optional() })),
});
const chat = z.object({ id: z.string() });

/** Where `teamsApp@odata.bind` points: Graph wants its own public URL here, whatever host the calls go to. */
const CATALOG_BIND_BASE = 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/';

/**
 * The resource-specific permissions appPackage/manifest.json declares (a contract test keeps the two in step),
 * consented with each personal install: Graph refuses a set that differs from the app definition's, and without
 * one the installation grants Herald neither the chat's read receipts nor activity-feed notifications.
 */
export const CONSENTED_PERMISSION_SET = {
  resourceSpecificPermissions: [
    { permissionValue: 'ChatMessageReadReceipt.Read.Chat', permissionType: 'Application' },
    { permissionValue: 'TeamsActivity.Send.User', permissionType: 'Application' },
  ],
} as const;

/** The seed document's install-and-find-the-chat calls, one Graph request each, grouped into `$batch` by the batcher. */
export class GraphInstaller implements InstallerPort {
  constructor(private readonly graph: GraphBatcher) {}

  async findCatalogApp(externalId: string): Promise<{ id: string; displayName: string; version: string } | undefined> {
    const response = await this.graph.request({ method: 'GET', url: `/appCatalogs/teamsApps?$filter=externalId eq '${quote(externalId)}'&$expand=appDefinitions` });
    const app = catalogList.parse(response.body).value[0];
    return app && { id: app.id, displayName: app.displayName, version: app.appDefinitions?.at(-1)?.version ?? '' };
  }

  async findUserInstallation(userId: string, catalogAppId: string): Promise<string | undefined> {
    const response = await this.graph.request({
      method: 'GET',
      url: `/users/${encodeURIComponent(userId)}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '${quote(catalogAppId)}'`,
    });
    return installationList.parse(response.body).value[0]?.id;
  }

  installForUser(userId: string, catalogAppId: string): Promise<'installed' | 'already_installed'> {
    return this.install(`/users/${encodeURIComponent(userId)}/teamwork/installedApps`, catalogAppId, { consentedPermissionSet: CONSENTED_PERMISSION_SET });
  }

  async upgradeForUser(userId: string, installationId: string): Promise<void> {
    await this.graph.request({
      method: 'POST',
      url: `/users/${encodeURIComponent(userId)}/teamwork/installedApps/${encodeURIComponent(installationId)}/upgrade`,
      body: { consentedPermissionSet: CONSENTED_PERMISSION_SET },
    });
  }

  async chatOfInstallation(userId: string, installationId: string): Promise<string> {
    const response = await this.graph.request({
      method: 'GET',
      url: `/users/${encodeURIComponent(userId)}/teamwork/installedApps/${encodeURIComponent(installationId)}/chat`,
    });
    return chat.parse(response.body).id;
  }

  async findTeamInstallation(teamId: string, catalogAppId: string): Promise<string | undefined> {
    const response = await this.graph.request({
      method: 'GET',
      url: `/teams/${encodeURIComponent(teamId)}/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '${quote(catalogAppId)}'`,
    });
    return installationList.parse(response.body).value[0]?.id;
  }

  installForTeam(teamId: string, catalogAppId: string): Promise<'installed' | 'already_installed'> {
    return this.install(`/teams/${encodeURIComponent(teamId)}/installedApps`, catalogAppId);
  }

  /** 201 (or 200 for teams) means installed now; 409 means it already was: both are success. */
  private async install(url: string, catalogAppId: string, consent: Record<string, unknown> = {}): Promise<'installed' | 'already_installed'> {
    try {
      await this.graph.request({ method: 'POST', url, body: { 'teamsApp@odata.bind': `${CATALOG_BIND_BASE}${catalogAppId}`, ...consent } });
      return 'installed';
    } catch (error) {
      if (error instanceof PlatformError && error.status === 409) return 'already_installed';
      throw error;
    }
  }
}

/** OData string literals double their single quotes. */
function quote(value: string): string {
  return value.replace(/'/g, "''");
}
