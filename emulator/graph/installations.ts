import type { Installation } from '../tenant/state';
import { appDefinitionResource, teamsAppResource } from './app-catalogs';
import { listCollection } from './collection';
import { badRequest, GraphError, teamsNotFound } from './errors';
import { readExpand } from './odata/expand';
import { option } from './odata/query';
import type { FilterPolicy } from './odata/filter-eval';
import type { SelectSpec } from './odata/select';
import type { GraphCall, GraphResult } from './types';

type Item = Record<string, unknown>;

const NAVIGATION = ['teamsApp', 'teamsAppDefinition'];
const INSTALLATION_TYPE = 'microsoft.graph.teamsAppInstallation';

/** Filters the seed document and the list pages use: any field of the installed teamsApp or its definition. */
const INSTALLATION_FILTER: FilterPolicy = {
  resource: 'TeamsAppInstallation',
  typeName: INSTALLATION_TYPE,
  filterable: ['id', 'teamsapp/id', 'teamsapp/externalid', 'teamsapp/displayname', 'teamsapp/distributionmethod', 'teamsappdefinition/id', 'teamsappdefinition/teamsappid', 'teamsappdefinition/displayname', 'teamsappdefinition/version'],
  known: [],
  advancedOnly: [],
  unsupported: [],
};

const INSTALLATION_SELECT: SelectSpec = { typeName: INSTALLATION_TYPE, known: ['id', 'consentedPermissionSet', ...NAVIGATION], errorCode: 'BadRequest' };

/** The installation with both navigation properties filled, so `$filter` can reach them before `$expand` trims them. */
function installationItem(call: GraphCall, installation: Installation): Item {
  const app = call.ctx.state.catalogById.get(installation.teamsAppId);
  return {
    id: installation.id,
    consentedPermissionSet: { resourceSpecificPermissions: installation.consentedPermissions.map((permission) => ({ ...permission })) },
    teamsApp: app ? teamsAppResource(app) : null,
    teamsAppDefinition: app ? appDefinitionResource(app) : null,
  };
}

function presenter(expanded: Map<string, string[]>): (item: Item) => Item {
  return (item) => Object.fromEntries(Object.entries(item).filter(([key]) => !NAVIGATION.includes(key) || expanded.has(key)));
}

/** List installations (userteamwork-list-installedapps.md, team-list-installedapps.md): `$expand`, `$filter`, `$select`. */
export function listInstallations(call: GraphCall, installations: Installation[], entitySet: string): GraphResult {
  const expanded = readExpand(call.query, NAVIGATION, INSTALLATION_TYPE);
  return listCollection(call, {
    items: installations.map((installation) => installationItem(call, installation)),
    entitySet,
    filter: INSTALLATION_FILTER,
    select: INSTALLATION_SELECT,
    directory: false,
    present: presenter(expanded),
    // userteamwork-list-installedapps.md, Example 3 (`$expand=teamsApp,teamsAppDefinition&$filter=teamsApp/externalId
    // eq '…'`, the seed document's lookup) answers `"@odata.count": 1` though it does not ask for `$count`; Example 2
    // ($expand alone) shows none.
    countedWithoutAsking: (request) => expanded.size > 0 && option(request.query, '$filter') !== undefined,
  });
}

export function getInstallation(call: GraphCall, installation: Installation, entitySet: string): GraphResult {
  const expanded = readExpand(call.query, NAVIGATION, INSTALLATION_TYPE);
  const body = { '@odata.context': `${call.baseUrl}/$metadata#${entitySet}/$entity`, ...presenter(expanded)(installationItem(call, installation)) };
  return { status: 200, body };
}

export function findInstallationOr404(call: GraphCall, scopeId: string, installationId: string): Installation {
  const installation = call.ctx.state.installations.get(scopeId)?.get(installationId);
  if (!installation) throw teamsNotFound(`The app installation '${installationId}' was not found.`);
  return installation;
}

/**
 * The catalog app named by `teamsApp@odata.bind`. Any base URL is accepted (the emulator's own, or
 * graph.microsoft.com as the seed document writes it); only the trailing catalog id matters.
 */
export function boundCatalogApp(call: GraphCall): string {
  const body = call.request.body;
  const bind = body && typeof body === 'object' ? (body as Record<string, unknown>)['teamsApp@odata.bind'] : undefined;
  if (typeof bind !== 'string') throw badRequest('Bind property teamsApp@odata.bind is missing from the request body.');
  const id = /\/appCatalogs\/teamsApps\/([^/?#]+)\/?$/i.exec(bind)?.[1];
  if (!id) throw badRequest(`Invalid bind property value '${bind}': expected a link to /appCatalogs/teamsApps/{id}.`);
  const appId = decodeURIComponent(id);
  if (!call.ctx.state.catalogById.has(appId)) throw teamsNotFound(`The definition for app '${appId}' was not found in the org-wide catalog.`);
  return appId;
}

/** 409 for an app already installed in the scope; Microsoft documents no body for it, so this one is the emulator's. */
export function alreadyInstalled(appId: string): GraphError {
  return new GraphError(409, 'Conflict', `App '${appId}' is already installed in this scope.`);
}
