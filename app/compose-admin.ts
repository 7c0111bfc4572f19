import type { Env } from '../config/env';
import type { Logger } from '../config/logger';
import type { AdminStore } from '../core/admin/admin-store';
import type { BroadcastEngine } from '../core/engine/broadcast-engine';
import type { DirectoryPort } from '../core/ports/directory';
import { responseEvents } from '../core/responses/response-events';
import type { Store } from '../core/store/store';
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
  admin: AdminStore;
  engine: BroadcastEngine;
  directory: DirectoryPort;
  settings: TenantSettings;
  emulator?: EmulatorLink;
}

/**
 * The admin tab and its API: SSO verification for the tab's resource, the services over the engine and the
 * admin store, administrators seeded from HERALD_ADMINS (in local mode, the emulated tenant's first person when
 * none are named, so `npm start` opens a tab that works).
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
  const defaultUpn = emulator ? await firstPerson(deps.directory, env.HERALD_ADMINS) : undefined;
  const api = createAdminApi({
    deps: {
      engine: deps.engine,
      store: deps.store,
      admin: deps.admin,
      directory: deps.directory,
      responses: deps.store.responses.cards,
      contents: deps.store.responses.contents,
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
  const admins = env.HERALD_ADMINS ?? (defaultUpn ? [defaultUpn] : []);
  const seeded = await api.senders.seedAdmins(settings.tenantId, admins);
  if (seeded.length > 0) deps.log.info({ admins: seeded.map((record) => record.upn) }, 'made the configured people Herald administrators');
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

/** The person the local tab signs in as: the first configured admin given as a UPN, else the tenant's first member. */
async function firstPerson(directory: DirectoryPort, admins: string[] | undefined): Promise<string | undefined> {
  const named = admins?.find((entry) => entry.includes('@'));
  if (named) return named;
  for await (const page of directory.allUsers()) {
    const person = page.find((user) => user.accountEnabled && user.userType === 'Member');
    if (person) return person.userPrincipalName;
  }
  return undefined;
}
