import type { EmulatedUser } from '../tenant/model';
import { chatResource } from './chats';
import { GraphError, teamsNotFound } from './errors';
import { alreadyInstalled, boundCatalogApp, findInstallationOr404, getInstallation, listInstallations } from './installations';
import { perTenant } from './limits';
import { contextUrl } from './odata/context-url';
import { USER_APPS_CONSENT, USER_APPS_READ, USER_APPS_WRITE } from './permissions';
import { checkConsent, consentedPermissionSet } from './rsc-consent';
import { findTeamsUserOr404 } from './teams-users';
import type { GraphCall, GraphResult, GraphRoute } from './types';

const installedAppsSet = (user: EmulatedUser): string => `users('${user.id}')/teamwork/installedApps`;

function listUserApps(call: GraphCall): GraphResult {
  const user = findTeamsUserOr404(call, call.params.userId!);
  return listInstallations(call, call.ctx.state.installationsOf(user.id), installedAppsSet(user));
}

function getUserApp(call: GraphCall): GraphResult {
  const user = findTeamsUserOr404(call, call.params.userId!);
  return getInstallation(call, findInstallationOr404(call, user.id, call.params.installationId!), installedAppsSet(user));
}

/**
 * Install for a user (userteamwork-post-installedapps.md): 201 with no body. Installing emits the tenant's
 * `installed` event, which makes the emulated Teams tell the bot. A `consentedPermissionSet` must match the app
 * definition's resource-specific permissions and is recorded on the installation; without one nothing is consented.
 */
function installForUser(call: GraphCall): GraphResult {
  const user = findTeamsUserOr404(call, call.params.userId!);
  const appId = boundCatalogApp(call);
  const consented = consentedPermissionSet(call);
  if (consented) checkConsent(call, call.ctx.state.catalogById.get(appId)!, consented, USER_APPS_CONSENT);
  if (!user.hasTeamsLicense) {
    throw new GraphError(403, 'Forbidden', 'Failed to get license information for the user. Ensure user has a valid Office365 license assigned to them.');
  }
  if (call.ctx.state.policyBlockedUserIds.has(user.id)) {
    throw new GraphError(403, 'Forbidden', `User '${user.id}' is not allowed to install app '${appId}' by the tenant's app permission policy.`);
  }
  if (!call.ctx.state.install('user', user.id, appId, { consentedPermissions: consented })) throw alreadyInstalled(appId);
  return { status: 201 };
}

/**
 * Upgrade to the app's latest version (userteamwork-teamsappinstallation-upgrade.md): 204 with no body. The body's
 * optional `consentedPermissionSet` is checked as on install and replaces what the installation consented; Teams
 * tells the bot with an `installationUpdate` whose action is `add-upgrade`.
 */
function upgradeForUser(call: GraphCall): GraphResult {
  const user = findTeamsUserOr404(call, call.params.userId!);
  const installation = findInstallationOr404(call, user.id, call.params.installationId!);
  const consented = consentedPermissionSet(call);
  const app = call.ctx.state.catalogById.get(installation.teamsAppId);
  if (consented && app) checkConsent(call, app, consented, USER_APPS_CONSENT);
  call.ctx.state.upgrade(installation, consented);
  return { status: 204 };
}

function uninstallForUser(call: GraphCall): GraphResult {
  const user = findTeamsUserOr404(call, call.params.userId!);
  const installation = findInstallationOr404(call, user.id, call.params.installationId!);
  call.ctx.state.uninstall(user.id, installation.id);
  return { status: 204 };
}

/** The one-on-one chat between the user and the installed app (userscopeteamsappinstallation-get-chat.md). */
function chatOfInstallation(call: GraphCall): GraphResult {
  const user = findTeamsUserOr404(call, call.params.userId!);
  const installation = findInstallationOr404(call, user.id, call.params.installationId!);
  const conversation = call.ctx.state.conversations.get(installation.conversationId);
  if (!conversation) throw teamsNotFound(`No chat exists for the app installation '${installation.id}'.`);
  return { status: 200, body: { '@odata.context': contextUrl(call.baseUrl, 'chats', undefined, true), ...chatResource(call, conversation, installation.installedAt) } };
}

const base = '/users/{userId}/teamwork/installedApps';
const reads = (call: GraphCall) => [perTenant(call, 'graph.installedApps.get')];

export const USER_INSTALLED_APP_ROUTES: GraphRoute[] = [
  { method: 'GET', pattern: base, roles: USER_APPS_READ, denial: 'teams', limits: reads, handle: listUserApps },
  { method: 'POST', pattern: base, roles: USER_APPS_WRITE, denial: 'teams', limits: (call) => [perTenant(call, 'graph.installedApps.post')], handle: installForUser },
  { method: 'GET', pattern: `${base}/{installationId}`, roles: USER_APPS_READ, denial: 'teams', limits: reads, handle: getUserApp },
  { method: 'DELETE', pattern: `${base}/{installationId}`, roles: USER_APPS_WRITE, denial: 'teams', limits: (call) => [perTenant(call, 'graph.installedApps.delete')], handle: uninstallForUser },
  { method: 'GET', pattern: `${base}/{installationId}/chat`, roles: USER_APPS_READ, denial: 'teams', limits: reads, handle: chatOfInstallation },
  { method: 'POST', pattern: `${base}/{installationId}/upgrade`, roles: USER_APPS_WRITE, denial: 'teams', limits: (call) => [perTenant(call, 'graph.installedApps.post')], handle: upgradeForUser },
];
