/** The emulated tenant's directory and Teams objects, shaped after Microsoft Graph resources. */

export interface EmulatedUser {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  userPrincipalName: string;
  mail: string;
  jobTitle: string;
  department: string;
  officeLocation: string;
  userType: 'Member' | 'Guest';
  accountEnabled: boolean;
  /** The user's Teams/Bot Framework id (`29:…`). */
  teamsUserId: string;
  /** Users without a Teams licence cannot have apps installed. */
  hasTeamsLicense: boolean;
  /** The person's own Teams setting "Read receipts" (honoured while the tenant's policy is `UserPreference`). */
  readReceiptsEnabled: boolean;
}

export interface EmulatedGroup {
  id: string;
  displayName: string;
  description: string;
  mailNickname: string;
  mail: string | null;
  mailEnabled: boolean;
  securityEnabled: boolean;
  groupTypes: string[];
  /** Direct members: user ids and nested group ids. */
  memberUserIds: string[];
  memberGroupIds: string[];
}

export interface EmulatedChannel {
  id: string;
  displayName: string;
  description: string;
  membershipType: 'standard' | 'private';
  createdDateTime: string;
}

export interface EmulatedTeamMember {
  userId: string;
  roles: Array<'owner' | 'guest'>;
}

export interface EmulatedTeam {
  /** A team's id is its group's id. */
  id: string;
  displayName: string;
  description: string;
  internalId: string;
  members: EmulatedTeamMember[];
  channels: EmulatedChannel[];
}

/**
 * One resource-specific (RSC) permission, as Graph's teamsAppResourceSpecificPermission names it (the manifest's
 * `authorization.permissions.resourceSpecific[]` entry `{ name, type }`).
 */
export interface RscPermission {
  permissionValue: string;
  permissionType: 'application' | 'delegated';
}

/** One `activities.activityTypes[]` entry of the app's manifest (what `sendActivityNotification` may name). */
export interface ActivityTypeDeclaration {
  type: string;
  description: string;
  templateText: string;
}

export interface EmulatedAppDefinition {
  id: string;
  teamsAppId: string;
  displayName: string;
  version: string;
  publishingState: 'submitted' | 'rejected' | 'published';
  shortDescription: string;
  description: string;
  lastModifiedDateTime: string;
  /** The manifest's `authorization.permissions.resourceSpecific`, which an install must consent to exactly. */
  resourceSpecificPermissions: RscPermission[];
  /** The manifest's `activities.activityTypes`. */
  activityTypes: ActivityTypeDeclaration[];
}

export interface EmulatedCatalogApp {
  id: string;
  externalId: string | null;
  displayName: string;
  distributionMethod: 'store' | 'organization' | 'sideloaded';
  definition: EmulatedAppDefinition;
  /** The Entra app id of the bot this Teams app carries, if any. */
  botAppId: string | null;
}

/** An Entra application registration known to the emulated authority. */
export interface EmulatedClientApp {
  clientId: string;
  clientSecret: string;
  displayName: string;
  /** Application permissions (Graph app roles) granted with admin consent. */
  graphRoles: string[];
}

export interface EmulatedDirectory {
  tenantId: string;
  tenantDomain: string;
  users: EmulatedUser[];
  groups: EmulatedGroup[];
  teams: EmulatedTeam[];
  catalog: EmulatedCatalogApp[];
  /** The catalog app that stands for Herald. */
  heraldAppId: string;
  graphClient: EmulatedClientApp;
  botClient: EmulatedClientApp;
  /** The tenant's Teams messaging policy setting `ReadReceiptsEnabledType`. */
  readReceiptsPolicy: ReadReceiptsPolicy;
}

/**
 * Teams messaging policy `ReadReceiptsEnabledType`: `UserPreference` (each person's own setting decides, the
 * default), `Everyone` (on for everyone, people cannot turn it off), `None` (off for everyone).
 */
export type ReadReceiptsPolicy = 'UserPreference' | 'Everyone' | 'None';
