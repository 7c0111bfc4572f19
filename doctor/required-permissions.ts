/**
 * The Microsoft Graph application permissions Herald needs, least privilege (docs/run-in-your-tenant.md says why
 * each one). The same list is requested in aad.manifest.json by app-role id.
 */
export const REQUIRED_GRAPH_ROLES = [
  // Installs Herald for each recipient and consents to the RSC permissions of its manifest (the chat's read
  // receipts, activity-feed notifications): the plain ReadWriteSelfForUser.All cannot consent to RSC permissions.
  'TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All',
  'TeamsAppInstallation.ReadWriteSelfForTeam.All',
  'User.Read.All',
  'GroupMember.Read.All',
  'TeamMember.Read.All',
  'AppCatalog.Read.All',
] as const;
