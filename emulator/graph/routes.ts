import { ACTIVITY_NOTIFICATION_ROUTES } from './activity-notifications';
import { APP_CATALOG_ROUTES } from './app-catalogs';
import { BATCH_ROUTES } from './batch';
import { CHAT_ROUTES } from './chats';
import { GROUP_MEMBER_ROUTES } from './group-members';
import { GROUP_ROUTES } from './groups';
import { MANAGER_ROUTES } from './managers';
import { TEAM_INSTALLED_APP_ROUTES } from './team-installed-apps';
import { TEAM_ROUTES } from './teams';
import { USER_INSTALLED_APP_ROUTES } from './user-installed-apps';
import { USER_ROUTES } from './users';
import type { GraphRoute } from './types';

/** Every operation the emulated Graph serves, in both `/v1.0` and `/beta`; literal segments win over `{params}`. */
export const GRAPH_ROUTES: readonly GraphRoute[] = [
  ...BATCH_ROUTES,
  ...USER_ROUTES,
  ...MANAGER_ROUTES,
  ...USER_INSTALLED_APP_ROUTES,
  ...ACTIVITY_NOTIFICATION_ROUTES,
  ...CHAT_ROUTES,
  ...GROUP_ROUTES,
  ...GROUP_MEMBER_ROUTES,
  ...TEAM_ROUTES,
  ...TEAM_INSTALLED_APP_ROUTES,
  ...APP_CATALOG_ROUTES,
];
