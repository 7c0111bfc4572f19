import express from 'express';
import { createServer as createHttpsServer } from 'node:https';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { EmulatorContext, EmulatorUrls, TabSettings } from './context';
import { seedDirectory, type AppDeclarations } from './tenant/seed';
import type { ReadReceiptsPolicy } from './tenant/model';
import { TenantState } from './tenant/state';
import { loadOrCreateSigningKey } from './entra/keys';
import { entraRouter } from './entra/router';
import { channelAuthRouter } from './entra/channel-router';
import { graphRouter } from './graph/router';
import { connectorRouter } from './connector/router';
import { attachTeamsBehaviour } from './teams/behaviour';
import { teamsClientRouter } from './teams-client/router';
import { inspectRouter } from './inspect/router';
import { createLimits } from './limits/limits';
import { createFaults, loadFaultsFile, applyUserFaults, type FaultsConfig } from './faults/faults';
import { createCounters } from './counters';
import { faultMiddleware } from './faults/middleware';
import { loadOrCreateTls } from './tls';

export interface EmulatorOptions {
  port: number;
  host?: string;
  users: number;
  seed: number;
  limits: 'real' | 'off';
  faultsFile?: string;
  faults?: FaultsConfig;
  /** The bot's messaging endpoint (`…/api/messages`) that installs and card actions are posted to. */
  botEndpoint?: string;
  /** Where the signing key (and with `tls`, the local CA and server certificate) is kept across restarts. */
  stateDir?: string;
  /**
   * Serve https with a certificate from a local CA kept in `stateDir` (its path is the first line's `caCertPath`):
   * for clients that accept only https authorities and hosts, given the CA through `NODE_EXTRA_CA_CERTS`.
   */
  tls?: boolean;
  /**
   * Graph application permissions admin-consented to the bot's own app registration (none when absent), for
   * single-app setups that call Graph with the bot's id and secret, as Microsoft's proactive-installation sample does.
   */
  botGraphRoles?: string[];
  /** The manifest id of the Herald app in the catalog; derived from the seed when absent. */
  appExternalId?: string;
  /** What Herald's catalog app declares (RSC permissions, activity types); see `tenant/seed.ts` for the default. */
  app?: Partial<AppDeclarations>;
  /** The tenant's messaging policy `ReadReceiptsEnabledType` at start (`UserPreference` by default). */
  readReceiptsPolicy?: ReadReceiptsPolicy;
  /** The personal tab the Teams client hosts (its URL and SSO resource); also settable later with `setTab`. */
  tab?: TabSettings;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

/** What the emulator prints as its first line: everything a client needs to use it. */
export interface EmulatorInfo extends Omit<EmulatorUrls, 'origin'> {
  tenantId: string;
  graphClientId: string;
  graphClientSecret: string;
  botAppId: string;
  botAppPassword: string;
  externalId: string;
  id: string;
  origin: string;
  users: number;
  seed: number;
  limits: 'real' | 'off';
  /** With `--tls`: the local CA's certificate (PEM) that clients must trust, e.g. through `NODE_EXTRA_CA_CERTS`. */
  caCertPath?: string;
}

export interface RunningEmulator {
  info: EmulatorInfo;
  context: EmulatorContext;
  /** Points the emulated Teams at a bot (for a bot started after the emulator). */
  setBotEndpoint(url: string | undefined): void;
  /** Points the Teams client's hosted tab at a web app (for a tab served after the emulator started). */
  setTab(tab: TabSettings | undefined): void;
  close(): Promise<void>;
}

export function urlsFor(origin: string, tenantId: string): EmulatorUrls {
  return {
    origin,
    authorityBaseUrl: `${origin}/login`,
    tokenEndpoint: `${origin}/login/${tenantId}/oauth2/v2.0/token`,
    graphBaseUrl: `${origin}/graph/v1.0`,
    graphBetaBaseUrl: `${origin}/graph/beta`,
    botServiceUrl: `${origin}/smba/amer/`,
    channelOpenIdMetadataUrl: `${origin}/botframework/v1/.well-known/openidconfiguration`,
    teamsClientUrl: `${origin}/teams/`,
    inspectUrl: `${origin}/_inspect`,
  };
}

/** Starts the local Microsoft 365 emulator on `options.port` (0 for any free port). */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const directory = seedDirectory({
    users: options.users,
    seed: options.seed,
    appExternalId: options.appExternalId,
    app: options.app,
    readReceiptsPolicy: options.readReceiptsPolicy,
  });
  if (options.botGraphRoles) directory.botClient.graphRoles.splice(0, directory.botClient.graphRoles.length, ...new Set(options.botGraphRoles));
  const state = new TenantState(directory, options.seed);
  const faultsConfig = options.faults ?? (options.faultsFile ? await loadFaultsFile(options.faultsFile) : undefined);
  if (faultsConfig) applyUserFaults(state, faultsConfig);
  const stateDir = options.stateDir ?? path.resolve('.herald', 'emulator');
  const signing = await loadOrCreateSigningKey(stateDir);
  const tls = options.tls ? await loadOrCreateTls(stateDir, host) : undefined;

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const server: Server = await new Promise((resolve, reject) => {
    const unbound = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, app) : undefined;
    const listening = unbound ? unbound.listen(options.port, host, () => resolve(listening)) : app.listen(options.port, host, () => resolve(listening));
    listening.once('error', reject);
  });
  server.keepAliveTimeout = 65_000;
  const port = (server.address() as AddressInfo).port;
  const urls = urlsFor(`${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`, directory.tenantId);

  const context: EmulatorContext = {
    state,
    urls,
    limits: createLimits(options.limits, directory.users.length),
    faults: createFaults(faultsConfig),
    counters: createCounters(),
    signing,
    botEndpoint: options.botEndpoint,
    tab: options.tab,
    log: options.log ?? (() => undefined),
  };

  app.use(faultMiddleware(context));
  app.use('/login', entraRouter(context));
  app.use('/botframework', channelAuthRouter(context));
  app.use('/graph', graphRouter(context));
  app.use('/smba/amer', connectorRouter(context));
  app.use('/teams', teamsClientRouter(context));
  // The first line again, for clients that attach to a running emulator (the command line, `npm run doctor`).
  let published: EmulatorInfo | undefined;
  app.get('/_inspect/info', (_req, res) => void res.json(published));
  // Points the emulated Teams at a bot started after the emulator (a separate process).
  app.put('/_inspect/bot-endpoint', express.json(), (req, res) => {
    const url = (req.body as { url?: unknown } | undefined)?.url;
    if (url !== null && (typeof url !== 'string' || !/^https?:\/\//.test(url))) {
      res.status(400).json({ error: { code: 'BadRequest', message: 'url must be an http(s) URL, or null to detach the bot' } });
      return;
    }
    context.botEndpoint = url ?? undefined;
    res.json({ botEndpoint: context.botEndpoint ?? null });
  });
  app.use('/_inspect', inspectRouter(context));
  const detachTeams = attachTeamsBehaviour(context);

  const herald = directory.catalog[0]!;
  const info: EmulatorInfo = {
    tenantId: directory.tenantId,
    ...urls,
    graphClientId: directory.graphClient.clientId,
    graphClientSecret: directory.graphClient.clientSecret,
    botAppId: directory.botClient.clientId,
    botAppPassword: directory.botClient.clientSecret,
    externalId: herald.externalId ?? '',
    id: herald.id,
    users: directory.users.length,
    seed: options.seed,
    limits: options.limits,
    ...(tls ? { caCertPath: tls.caCertPath } : {}),
  };

  published = info;
  return {
    info,
    context,
    setBotEndpoint(url) {
      context.botEndpoint = url;
    },
    setTab(tab) {
      context.tab = tab;
    },
    close: async () => {
      detachTeams();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
