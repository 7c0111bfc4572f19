import { createRandom, type Random } from './prng';
import { DEPARTMENTS, GIVEN_NAMES, JOB_TITLES, OFFICES, SURNAMES } from './names';
import type {
  ActivityTypeDeclaration, EmulatedCatalogApp, EmulatedChannel, EmulatedDirectory, EmulatedGroup, EmulatedTeam, EmulatedUser,
  ReadReceiptsPolicy, RscPermission,
} from './model';

export interface SeedOptions {
  users: number;
  seed: number;
  /** The Teams app manifest id Herald is published under; derived from the seed when absent. */
  appExternalId?: string;
  /** What Herald's catalog app definition declares; `DEFAULT_APP_DECLARATIONS` when absent. */
  app?: Partial<AppDeclarations>;
  /** The tenant's messaging policy `ReadReceiptsEnabledType`; `UserPreference` (Teams' default) when absent. */
  readReceiptsPolicy?: ReadReceiptsPolicy;
}

/** The parts of a Teams app manifest the emulated Graph enforces: RSC permissions and activity types. */
export interface AppDeclarations {
  resourceSpecificPermissions: RscPermission[];
  activityTypes: ActivityTypeDeclaration[];
}

/**
 * What Herald's app package declares (`appPackage/manifest.json`, kept in step by a contract test): the chat's
 * read receipts and activity-feed notifications to the person it is installed for, both consented per
 * installation, and one activity type for reminders. `--app-manifest FILE` reads them from a manifest instead.
 */
export const DEFAULT_APP_DECLARATIONS: AppDeclarations = {
  resourceSpecificPermissions: [
    { permissionValue: 'ChatMessageReadReceipt.Read.Chat', permissionType: 'application' },
    { permissionValue: 'TeamsActivity.Send.User', permissionType: 'application' },
  ],
  activityTypes: [{ type: 'announcementReminder', description: 'Reminders about announcements you have not acknowledged', templateText: '{actor} reminds you: {announcement}' }],
};

/**
 * The share of seeded people whose own "Read receipts" setting is off: 20 in 100, picked by a hash of the user id
 * (so it never shifts the other seeded values, and the same ids are off on every run).
 */
export const READ_RECEIPTS_OFF_PERCENT = 20;

export function readReceiptsOffFor(userId: string): boolean {
  // FNV-1a, 32 bits.
  let hash = 0x811c9dc5;
  for (let index = 0; index < userId.length; index += 1) {
    hash ^= userId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 100 < READ_RECEIPTS_OFF_PERCENT;
}

/** The Graph application permissions Herald needs (least privilege). */
export const HERALD_GRAPH_ROLES = [
  // Installs Herald for a person and consents to the RSC permissions its manifest declares (read receipts,
  // activity-feed notifications); the plain ReadWriteSelfForUser.All cannot consent to RSC permissions.
  'TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All',
  'TeamsAppInstallation.ReadWriteSelfForTeam.All',
  'User.Read.All',
  'GroupMember.Read.All',
  'TeamMember.Read.All',
  'AppCatalog.Read.All',
];

/**
 * What the emulated admin consented to by default: Herald's permissions plus the ones the seed document's
 * optional requests need (`Chat.Read.All` for `/users/{id}/chats`), and listing teams and channels, so every
 * request in the document works out of the box. The inspection API can narrow the grant to test 403s.
 */
export const DEFAULT_GRAPH_ROLES = [
  ...HERALD_GRAPH_ROLES,
  // What Herald asked for before it consented to RSC permissions; a tenant that granted it keeps it.
  'TeamsAppInstallation.ReadWriteSelfForUser.All',
  'Chat.Read.All',
  'Team.ReadBasic.All',
  'Channel.ReadBasic.All',
];

const FIXED_DATE = '2026-01-05T09:00:00Z';

/** Builds a deterministic tenant: the same options always give the same directory, ids included. */
export function seedDirectory(options: SeedOptions): EmulatedDirectory {
  const random = createRandom(options.seed);
  const tenantId = random.guid();
  const tenantDomain = `contoso${options.seed}.onmicrosoft.com`;
  const users = Array.from({ length: options.users }, (_, index) => makeUser(random, index, tenantDomain));
  const { groups, teams } = makeGroupsAndTeams(random, users, tenantDomain);
  const graphClientId = random.guid();
  const botAppId = random.guid();
  const declarations = { ...DEFAULT_APP_DECLARATIONS, ...options.app };
  const catalog = makeCatalog(random, options.appExternalId ?? random.guid(), botAppId, declarations);
  return {
    tenantId,
    tenantDomain,
    users,
    groups,
    teams,
    catalog,
    heraldAppId: catalog[0]!.id,
    graphClient: { clientId: graphClientId, clientSecret: secret(random), displayName: 'Herald', graphRoles: [...DEFAULT_GRAPH_ROLES] },
    botClient: { clientId: botAppId, clientSecret: secret(random), displayName: 'Herald bot', graphRoles: [] },
    readReceiptsPolicy: options.readReceiptsPolicy ?? 'UserPreference',
  };
}

function secret(random: Random): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789~._-';
  return Array.from({ length: 40 }, () => random.pick(alphabet.split(''))).join('');
}

function makeUser(random: Random, index: number, domain: string): EmulatedUser {
  const givenName = random.pick(GIVEN_NAMES);
  const surname = random.pick(SURNAMES);
  const alias = `${givenName}.${surname}${index}`.toLowerCase();
  // Roughly 3% guests, 1% disabled accounts and 1% without a Teams licence, at fixed positions per seed.
  const roll = random.next();
  const isGuest = index > 0 && roll < 0.03;
  const id = random.guid();
  const externalMail = `${alias}@fabrikam.example`;
  return {
    id,
    displayName: `${givenName} ${surname}`,
    givenName,
    surname,
    userPrincipalName: isGuest ? `${alias}_fabrikam.example#EXT#@${domain}` : `${alias}@${domain}`,
    mail: isGuest ? externalMail : `${alias}@${domain}`,
    jobTitle: random.pick(JOB_TITLES),
    department: DEPARTMENTS[index % DEPARTMENTS.length]!,
    officeLocation: random.pick(OFFICES),
    userType: isGuest ? 'Guest' : 'Member',
    accountEnabled: !(index > 0 && roll >= 0.03 && roll < 0.04),
    teamsUserId: `29:1${random.guid().replace(/-/g, '')}${random.guid().replace(/-/g, '').slice(0, 20)}`,
    hasTeamsLicense: !(index > 0 && roll >= 0.04 && roll < 0.05),
    readReceiptsEnabled: !readReceiptsOffFor(id),
  };
}

function makeGroupsAndTeams(random: Random, users: EmulatedUser[], domain: string): { groups: EmulatedGroup[]; teams: EmulatedTeam[] } {
  const groups: EmulatedGroup[] = [];
  const group = (displayName: string, nickname: string, unified: boolean): EmulatedGroup => {
    const created: EmulatedGroup = {
      id: random.guid(),
      displayName,
      description: `${displayName} (seeded)`,
      mailNickname: nickname,
      mail: unified ? `${nickname}@${domain}` : null,
      mailEnabled: unified,
      securityEnabled: !unified,
      groupTypes: unified ? ['Unified'] : [],
      memberUserIds: [],
      memberGroupIds: [],
    };
    groups.push(created);
    return created;
  };

  // Security groups per department, nested under "All staff" through two regional groups, so transitive
  // membership is three levels deep.
  const allStaff = group('All staff', 'allstaff', false);
  const regions = [group('Staff — Region A', 'region-a', false), group('Staff — Region B', 'region-b', false)];
  allStaff.memberGroupIds.push(...regions.map((region) => region.id));
  const departments = DEPARTMENTS.map((name) => group(`${name} department`, `dept-${name.toLowerCase()}`, false));
  departments.forEach((department, index) => regions[index % regions.length]!.memberGroupIds.push(department.id));
  users.forEach((user, index) => {
    if (user.userType === 'Member') departments[index % departments.length]!.memberUserIds.push(user.id);
  });
  // A small group of office-based people, overlapping the departments, for de-duplication.
  const dublin = group('Dublin office', 'dublin-office', false);
  dublin.memberUserIds.push(...users.filter((user) => user.officeLocation === 'Dublin').map((user) => user.id));

  // Microsoft 365 groups with teams: one per department plus a leadership team and a guests-included project team.
  const teams: EmulatedTeam[] = [];
  const userTypeById = new Map(users.map((user) => [user.id, user.userType]));
  const teamFor = (name: string, nickname: string, memberIds: string[]): void => {
    const teamGroup = group(name, nickname, true);
    teamGroup.memberUserIds.push(...memberIds);
    const owners = new Set(memberIds.filter((id) => userTypeById.get(id) === 'Member').slice(0, 2));
    teams.push({
      id: teamGroup.id,
      displayName: name,
      description: `The ${name} team`,
      internalId: `19:${random.guid().replace(/-/g, '')}@thread.tacv2`,
      members: memberIds.map((userId) => ({
        userId,
        roles: owners.has(userId) ? ['owner'] : userTypeById.get(userId) === 'Guest' ? ['guest'] : [],
      })),
      channels: [],
    });
  };
  DEPARTMENTS.forEach((name, index) => {
    const members = users.filter((_, userIndex) => userIndex % DEPARTMENTS.length === index).slice(0, 200).map((u) => u.id);
    teamFor(`${name} team`, `team-${name.toLowerCase()}`, members);
  });
  teamFor('Leadership', 'leadership', users.slice(0, Math.min(12, users.length)).map((u) => u.id));
  teamFor('Project Falcon', 'project-falcon', users.filter((_, i) => i % 17 === 0).slice(0, 40).map((u) => u.id));

  for (const team of teams) {
    team.channels.push(channel(team.internalId, 'General', 'The team\'s general channel.'));
    team.channels.push(channel(`19:${random.guid().replace(/-/g, '')}@thread.tacv2`, 'Announcements', 'News for everyone.'));
  }
  return { groups, teams };
}

function channel(id: string, displayName: string, description: string): EmulatedChannel {
  return { id, displayName, description, membershipType: 'standard', createdDateTime: FIXED_DATE };
}

function makeCatalog(random: Random, heraldExternalId: string, botAppId: string, herald: AppDeclarations): EmulatedCatalogApp[] {
  const none: AppDeclarations = { resourceSpecificPermissions: [], activityTypes: [] };
  const app = (displayName: string, externalId: string | null, distributionMethod: EmulatedCatalogApp['distributionMethod'], bot: string | null, declared = none): EmulatedCatalogApp => {
    const id = random.guid();
    return {
      id,
      externalId,
      displayName,
      distributionMethod,
      botAppId: bot,
      definition: {
        id: Buffer.from(`${id}##1.0.0##Published`).toString('base64'),
        teamsAppId: id,
        displayName,
        version: '1.0.0',
        publishingState: 'published',
        shortDescription: `${displayName} for the organisation`,
        description: `${displayName}, published to the organisation's app catalog.`,
        lastModifiedDateTime: FIXED_DATE,
        resourceSpecificPermissions: declared.resourceSpecificPermissions.map((permission) => ({ ...permission })),
        activityTypes: declared.activityTypes.map((activityType) => ({ ...activityType })),
      },
    };
  };
  return [
    app('Herald', heraldExternalId, 'organization', botAppId, herald),
    app('Expense Helper', random.guid(), 'organization', random.guid()),
    app('Planner', null, 'store', null),
    app('Polly', null, 'store', random.guid()),
  ];
}
