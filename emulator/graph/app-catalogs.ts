import type { EmulatedCatalogApp } from '../tenant/model';
import { listCollection } from './collection';
import { perTenant } from './limits';
import { readExpand } from './odata/expand';
import type { FilterPolicy } from './odata/filter-eval';
import type { SelectSpec } from './odata/select';
import { APP_CATALOG_READ } from './permissions';
import type { GraphCall, GraphResult, GraphRoute } from './types';

/** teamsAppDefinition (teamsappdefinition.md); `bot` only when expanded. */
export function appDefinitionResource(app: EmulatedCatalogApp): Record<string, unknown> {
  const definition = app.definition;
  return {
    id: definition.id,
    teamsAppId: definition.teamsAppId,
    azureADAppId: app.botAppId,
    displayName: definition.displayName,
    version: definition.version,
    requiredResourceSpecificApplicationPermissions: definition.resourceSpecificPermissions
      .filter((permission) => permission.permissionType === 'application')
      .map((permission) => permission.permissionValue),
    publishingState: definition.publishingState,
    shortDescription: definition.shortDescription,
    description: definition.description,
    lastModifiedDateTime: definition.lastModifiedDateTime,
    createdBy: null,
    authorization: { requiredPermissionSet: { resourceSpecificPermissions: definition.resourceSpecificPermissions.map((permission) => ({ ...permission })) } },
  };
}

/** teamsApp (teamsapp.md): the catalog id, the manifest id as `externalId`, and how it was published. */
export function teamsAppResource(app: EmulatedCatalogApp): Record<string, unknown> {
  return { id: app.id, externalId: app.externalId, displayName: app.displayName, distributionMethod: app.distributionMethod };
}

const APP_FILTER: FilterPolicy = {
  resource: 'TeamsApp',
  typeName: 'microsoft.graph.teamsApp',
  filterable: ['id', 'externalid', 'displayname', 'distributionmethod', 'appdefinitions/bot', 'appdefinitions/publishingstate', 'appdefinitions/displayname', 'appdefinitions/version'],
  known: [],
  advancedOnly: [],
  unsupported: [],
};

const APP_SELECT: SelectSpec = { typeName: 'microsoft.graph.teamsApp', known: ['id', 'externalId', 'displayName', 'distributionMethod', 'appDefinitions'], errorCode: 'BadRequest' };

/** GET /appCatalogs/teamsApps with `$filter` on any teamsApp field and `$expand=appDefinitions` (appcatalogs-list-teamsapps.md). */
function listTeamsApps(call: GraphCall): GraphResult {
  const expand = readExpand(call.query, ['appDefinitions'], 'microsoft.graph.teamsApp');
  const withBot = expand.get('appDefinitions')?.some((name) => name.toLowerCase() === 'bot') ?? false;
  const items = call.ctx.state.directory.catalog.map((app) => ({
    ...teamsAppResource(app),
    appDefinitions: [{ ...appDefinitionResource(app), bot: app.botAppId ? { id: app.botAppId } : null }],
  }));
  return listCollection(call, {
    items,
    entitySet: 'appCatalogs/teamsApps',
    filter: APP_FILTER,
    select: APP_SELECT,
    directory: false,
    present: ({ appDefinitions, ...app }) => {
      if (!expand.has('appDefinitions')) return app;
      const definitions = (appDefinitions as Array<Record<string, unknown>>).map(({ bot, ...definition }) => (withBot ? { ...definition, bot } : definition));
      return { ...app, appDefinitions: definitions };
    },
  });
}

export const APP_CATALOG_ROUTES: GraphRoute[] = [
  {
    method: 'GET',
    pattern: '/appCatalogs/teamsApps',
    roles: APP_CATALOG_READ,
    denial: 'teams',
    limits: (call) => [perTenant(call, 'graph.appCatalogs.get')],
    handle: listTeamsApps,
  },
];
