/**
 * The Microsoft Graph application permissions Herald needs, least privilege (docs/run-in-your-tenant.md says why
 * each one). The same list is requested in aad.manifest.json by app-role id.
 */
export const REQUIRED_GRAPH_ROLES = [
  'TeamsAppInstallation.ReadWriteSelfForUser.All',
  'TeamsAppInstallation.ReadWriteSelfForTeam.All',
  'User.Read.All',
  'GroupMember.Read.All',
  'TeamMember.Read.All',
  'AppCatalog.Read.All',
] as const;
