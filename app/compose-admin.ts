import type { Env } from '../config/env';
import type { Logger } from '../config/logger';
import type { BroadcastEngine } from '../core/engine/broadcast-engine';
import type { NotificationService } from '../core/notifications/notification-service';
import type { Administration } from '../core/roles/administration';
import type { DirectoryPort } from '../core/ports/directory';
import { responseEvents } from '../core/responses/response-events';
import type { Store } from '../core/store/store';
import { ReachPrivacy } from '../core/reach/reach-privacy';
import { Authority } from '../core/authority/authority';
import { createSsoVerifier } from '../api/auth/sso-verifier';
import { createAdminApi, type AdminApi } from '../api/http/admin-api';
import type { RunningWebServer } from '../api/http/web-server';
import type { EmulatorLink } from './emulator-link';
import type { TenantSettings } from './tenant-settings';

export interface AdminParts extends AdminApi {
  /** Where the tab opens (`{public URL}/tab/index.html`) and who it signs in as outside Teams (local mode). */
  tabUrl(): string;
  defaultUpn?: string;
  /** Tells the parts where the server listens, and the emulator's Teams client where the tab is. */
  attach(web: RunningWebServer): void;
}

export interface ComposeAdminDeps {
  env: Env;
  log: Logger;
  store: Store;
  engine: BroadcastEngine;
  notifications: NotificationService;
  administration: Administration;
  followUps?: import('../core/followups/followup-service').FollowUpService;
  directory: DirectoryPort;
  settings: TenantSettings;
  emulator?: EmulatorLink;
  /** Locally, whom the tab signs in as by default. */
  localPerson?: string;
}

/**
 * The admin tab and its API: SSO verification for the tab's resource and the routes over core's use cases
 * (administrators are seeded by the composition root, for every process).
 */
export async function composeAdminApi(deps: ComposeAdminDeps): Promise<AdminParts> {
  const { env, settings, emulator } = deps;
  let listening: string | undefined;
  const publicUrl = (): string => (env.HERALD_PUBLIC_URL ?? listening ?? `http://${env.HERALD_HOST}:${env.HERALD_PORT}`).replace(/\/+$/, '');
  const resource = (): string => env.HERALD_TAB_RESOURCE ?? `api://${new URL(publicUrl()).host}/${settings.clientId}`;
  const audiences = (): string[] => {
    const port = new URL(publicUrl()).port;
    // Locally the browser may name the server localhost or 127.0.0.1: both are this tab.
    const local = emulator && port ? [`api://localhost:${port}/${settings.clientId}`, `api://127.0.0.1:${port}/${settings.clientId}`] : [];
    return [resource(), settings.clientId, ...local];
  };
  const defaultUpn = deps.localPerson;
  const api = createAdminApi({
    deps: {
      engine: deps.engine,
      store: deps.store,
      notifications: deps.notifications,
      administration: deps.administration,
      followUps: deps.followUps,
      directory: deps.directory,
      responses: deps.store.responses.cards,
      reach: new ReachPrivacy({ policy: { aggregateOnly: env.HERALD_REACH_AGGREGATE_ONLY === 'true' }, roles: new Authority(deps.store.roles), audit: deps.store.audit }),
      tenantId: settings.tenantId,
      log: deps.log,
      now: () => Date.now(),
    },
    verify: createSsoVerifier({ authorityBaseUrl: settings.authorityBaseUrl, audiences, allowedTenants: env.HERALD_ALLOWED_TENANTS ?? [settings.tenantId] }),
    tab: {
      resource,
      emulator: emulator && defaultUpn
        ? { ssoTokenUrl: `${settings.authorityBaseUrl}/${settings.tenantId}/_emulator/sso-token`, defaultUpn, teamsClientOrigin: new URL(emulator.info.teamsClientUrl).origin }
        : undefined,
    },
    responseEvents,
    publicUrl: env.HERALD_PUBLIC_URL,
  });
  return {
    ...api,
    defaultUpn,
    tabUrl: () => `${publicUrl()}/tab/index.html`,
    attach: (web) => {
      listening = web.url;
      emulator?.running?.setTab({ url: `${publicUrl()}/tab/index.html`, resource: resource() });
    },
  };
}
