/**
 * Installs Herald for users and teams through Microsoft Graph and finds the resulting chats. Each method is one
 * Graph request (the adapter may group concurrent calls into `$batch` requests); rate limiting and retries are the
 * caller's, so a method either succeeds or throws a `PlatformError` describing the answer.
 */
export interface InstallerPort {
  /** The catalog id of the app with this manifest id, or undefined when the catalog does not have it (yet). */
  findCatalogApp(externalId: string): Promise<{ id: string; displayName: string; version: string } | undefined>;
  /** The user's installation of the app, if any (`GET …/installedApps?$filter=teamsApp/id eq`). */
  findUserInstallation(userId: string, catalogAppId: string): Promise<string | undefined>;
  /** `POST /users/{id}/teamwork/installedApps`: 'installed' on 201, 'already_installed' on 409. */
  installForUser(userId: string, catalogAppId: string): Promise<'installed' | 'already_installed'>;
  /**
   * `POST /users/{id}/teamwork/installedApps/{installationId}/upgrade` with the install's consentedPermissionSet
   * (204): an installation made before Herald declared its resource-specific permissions gets them (read receipts).
   */
  upgradeForUser(userId: string, installationId: string): Promise<void>;
  /** The 1:1 chat id of an installation (`GET …/installedApps/{id}/chat`). */
  chatOfInstallation(userId: string, installationId: string): Promise<string>;
  findTeamInstallation(teamId: string, catalogAppId: string): Promise<string | undefined>;
  installForTeam(teamId: string, catalogAppId: string): Promise<'installed' | 'already_installed'>;
}
