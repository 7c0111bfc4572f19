import { alreadyInstalled, boundCatalogApp, findInstallationOr404, getInstallation, listInstallations } from './installations';
import { perTeam, perTenant } from './limits';
import { TEAM_APPS_CONSENT, TEAM_APPS_READ, TEAM_APPS_WRITE } from './permissions';
import { checkConsent, consentedPermissionSet } from './rsc-consent';
import { findTeamOr404 } from './teams';
import type { GraphCall, GraphResult, GraphRoute } from './types';

const appsSet = (teamId: string): string => `teams('${teamId}')/installedApps`;

function listTeamApps(call: GraphCall): GraphResult {
  const team = findTeamOr404(call, call.params.teamId!);
  return listInstallations(call, call.ctx.state.installationsOf(team.id), appsSet(team.id));
}

function getTeamApp(call: GraphCall): GraphResult {
  const team = findTeamOr404(call, call.params.teamId!);
  return getInstallation(call, findInstallationOr404(call, team.id, call.params.installationId!), appsSet(team.id));
}

/** Add app to team (team-post-installedapps.md): documented as 200 OK with no body, unlike the user scope's 201. */
function installForTeam(call: GraphCall): GraphResult {
  const team = findTeamOr404(call, call.params.teamId!);
  const appId = boundCatalogApp(call);
  // Herald's RSC permissions are for a person's chat, so a team install may leave the set out; one that is given is
  // checked as Graph checks it.
  const consented = consentedPermissionSet(call);
  if (consented) checkConsent(call, call.ctx.state.catalogById.get(appId)!, consented, TEAM_APPS_CONSENT);
  if (!call.ctx.state.install('team', team.id, appId, { consentedPermissions: consented })) throw alreadyInstalled(appId);
  return { status: 200 };
}

function uninstallForTeam(call: GraphCall): GraphResult {
  const team = findTeamOr404(call, call.params.teamId!);
  const installation = findInstallationOr404(call, team.id, call.params.installationId!);
  call.ctx.state.uninstall(team.id, installation.id);
  return { status: 204 };
}

const base = '/teams/{teamId}/installedApps';
const limited = (rule: 'graph.installedApps.get' | 'graph.installedApps.post' | 'graph.installedApps.delete') => (call: GraphCall) => [
  perTenant(call, rule),
  perTeam(call.params.teamId!),
];

export const TEAM_INSTALLED_APP_ROUTES: GraphRoute[] = [
  { method: 'GET', pattern: base, roles: TEAM_APPS_READ, denial: 'teams', limits: limited('graph.installedApps.get'), handle: listTeamApps },
  { method: 'POST', pattern: base, roles: TEAM_APPS_WRITE, denial: 'teams', limits: limited('graph.installedApps.post'), handle: installForTeam },
  { method: 'GET', pattern: `${base}/{installationId}`, roles: TEAM_APPS_READ, denial: 'teams', limits: limited('graph.installedApps.get'), handle: getTeamApp },
  { method: 'DELETE', pattern: `${base}/{installationId}`, roles: TEAM_APPS_WRITE, denial: 'teams', limits: limited('graph.installedApps.delete'), handle: uninstallForTeam },
];
