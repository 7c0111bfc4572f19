/**
 * Application permissions per operation, from each Graph reference page's permissions table (least privileged
 * first, then the higher-privileged ones). Any one of them allows the call.
 */
const DIRECTORY_READ = ['Directory.Read.All', 'Directory.ReadWrite.All'];
const GROUP_READ = ['Group.Read.All', 'Group.ReadWrite.All', ...DIRECTORY_READ];

/** user-list.md, user-get.md (User.ReadBasic.All is not honoured for app-only calls). */
export const USERS_READ = ['User.Read.All', 'User.ReadWrite.All', ...DIRECTORY_READ];
/** group-list.md, group-get.md, group-list-members.md. */
export const GROUPS_READ = ['GroupMember.Read.All', 'GroupMember.ReadWrite.All', ...GROUP_READ];
/** group-list-transitivemembers.md lists GroupMember.ReadBasic.All as least privileged. */
export const GROUP_TRANSITIVE_READ = ['GroupMember.ReadBasic.All', ...GROUPS_READ];
/** teams-list.md, team-get.md. */
export const TEAMS_READ = ['Team.ReadBasic.All', 'TeamSettings.Read.All', 'TeamSettings.ReadWrite.All', ...GROUP_READ];
/** channel-list.md. */
export const CHANNELS_READ = ['Channel.ReadBasic.All', 'ChannelSettings.Read.All', 'ChannelSettings.ReadWrite.All', ...GROUP_READ];
/** team-list-members.md. */
export const TEAM_MEMBERS_READ = ['TeamMember.Read.All', 'TeamMember.ReadWrite.All', 'TeamMember.ReadWriteNonOwnerRole.All'];
/** appcatalogs-list-teamsapps.md (Directory.* only for backward compatibility). */
export const APP_CATALOG_READ = ['AppCatalog.Read.All', 'AppCatalog.ReadWrite.All', ...DIRECTORY_READ];

const USER_APPS_WRITE_ROLES = [
  'TeamsAppInstallation.ReadWriteSelfForUser.All',
  'TeamsAppInstallation.ReadWriteForUser.All',
  'TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All',
  'TeamsAppInstallation.ReadWriteAndConsentForUser.All',
  'TeamsAppInstallation.ReadWriteSelectedForUser.All',
  'TeamsAppInstallation.ManageSelectedForUser.All',
];
/** userteamwork-post-installedapps.md, userteamwork-delete-installedapps.md. */
export const USER_APPS_WRITE = USER_APPS_WRITE_ROLES;
/** userteamwork-list-installedapps.md, userscopeteamsappinstallation-get-chat.md. */
export const USER_APPS_READ = ['TeamsAppInstallation.ReadForUser.All', 'TeamsAppInstallation.ReadSelectedForUser.All', ...USER_APPS_WRITE_ROLES];

const TEAM_APPS_WRITE_ROLES = [
  'TeamsAppInstallation.ReadWriteSelfForTeam.All',
  'TeamsAppInstallation.ReadWriteForTeam.All',
  'TeamsAppInstallation.ReadWriteAndConsentSelfForTeam.All',
  'TeamsAppInstallation.ReadWriteAndConsentForTeam.All',
  'TeamsAppInstallation.ReadWriteSelectedForTeam.All',
  'TeamsAppInstallation.ManageSelectedForTeam.All',
];
/** team-post-installedapps.md (Group/Directory.ReadWrite.All kept for backward compatibility). */
export const TEAM_APPS_WRITE = [...TEAM_APPS_WRITE_ROLES, 'Group.ReadWrite.All', 'Directory.ReadWrite.All'];
/** team-list-installedapps.md. */
export const TEAM_APPS_READ = ['TeamsAppInstallation.ReadForTeam.All', 'TeamsAppInstallation.ReadSelectedForTeam.All', ...TEAM_APPS_WRITE_ROLES, ...GROUP_READ];
/** The seed document: listing a user's chats filtered on installed apps needs the broader Chat.Read.All. */
export const CHATS_READ = ['Chat.Read.All', 'Chat.ReadWrite.All'];

/**
 * Installing or upgrading with a `consentedPermissionSet`: the install pages' note says the ReadWriteSelfFor… and
 * ReadWriteFor… permissions "cannot be used to install apps that require consent to resource-specific
 * permissions", which leaves the AndConsent pair.
 */
export const USER_APPS_CONSENT = ['TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All', 'TeamsAppInstallation.ReadWriteAndConsentForUser.All'];
export const TEAM_APPS_CONSENT = ['TeamsAppInstallation.ReadWriteAndConsentSelfForTeam.All', 'TeamsAppInstallation.ReadWriteAndConsentForTeam.All'];
/**
 * userteamwork-sendactivitynotification.md: application permission TeamsActivity.Send.User (resource-specific
 * consent, granted per installation) or TeamsActivity.Send (tenant-wide). The RSC one is checked by the handler.
 */
export const ACTIVITY_SEND_ROLES = ['TeamsActivity.Send'];
export const ACTIVITY_SEND_RSC = 'TeamsActivity.Send.User';
