import type { EmulatorContext, TabSettings } from '../context';
import type { EmulatedUser } from '../tenant/model';

/** The static tab the emulated Teams opens (Herald's manifest: `staticTabs[0].entityId`). */
export const HOSTED_TAB_ENTITY_ID = 'herald-admin';

/** What `GET /teams/api/tab` answers: the tab to frame, its origin (the only one the host talks to) and resource. */
export interface HostedTab {
  url: string;
  origin: string;
  resource: string;
  entityId: string;
  /** The Teams app's manifest id (`app.getContext().app.appId`). */
  appId: string;
}

/**
 * The tab as Teams would host it: the configured URL (or one the page asked for with `?tab=`) and the resource its
 * SSO tokens are for. Teams takes the resource from the manifest's `webApplicationInfo`; without one configured
 * the emulator assumes Teams Toolkit's shape `api://{tab host}/{client id}` with the tenant's Herald registration.
 */
export function hostedTab(ctx: EmulatorContext, settings: TabSettings | undefined): HostedTab | undefined {
  if (!settings) return undefined;
  let url: URL;
  try {
    url = new URL(settings.url);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const herald = ctx.state.catalogById.get(ctx.state.directory.heraldAppId);
  return {
    url: url.href,
    origin: url.origin,
    resource: settings.resource ?? `api://${url.host}/${ctx.state.directory.graphClient.clientId}`,
    entityId: HOSTED_TAB_ENTITY_ID,
    appId: herald?.externalId ?? herald?.id ?? '',
  };
}

/**
 * The context the Teams host answers `getContext` with, in the wire ("legacy") shape teams-js turns into
 * `app.Context` (`userObjectId` → `user.id`, `tid` → `user.tenant.id`, `entityId` → `page.id`…). The page adds
 * the parts only it knows: the theme, the session ids and the click time.
 */
export function tabWireContext(ctx: EmulatorContext, user: EmulatedUser, tab: HostedTab): Record<string, unknown> {
  return {
    entityId: tab.entityId,
    subEntityId: '',
    appId: tab.appId,
    locale: 'en-us',
    frameContext: 'content',
    hostClientType: 'web',
    hostName: 'Teams',
    ringId: 'general',
    tid: ctx.state.tenantId,
    tenantSKU: 'enterprise',
    userObjectId: user.id,
    userPrincipalName: user.userPrincipalName,
    loginHint: user.userPrincipalName,
    userDisplayName: user.displayName,
    userLicenseType: user.userType === 'Guest' ? 'Guest' : 'Unknown',
    isFullScreen: false,
    isMultiWindow: false,
    sourceOrigin: null,
  };
}
