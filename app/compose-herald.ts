import express from 'express';
import type { Env } from '../config/env';
import { createLogger, type Logger } from '../config/logger';
import { createTokenProvider } from '../adapters/auth/token-provider';
import { GraphHttp } from '../adapters/graph/graph-http';
import { GraphBatcher } from '../adapters/graph/batcher';
import { GraphInstaller } from '../adapters/graph/installer';
import { GraphDirectory } from '../adapters/graph/directory';
import { GraphFollowUps } from '../adapters/graph/followup-graph';
import { FollowUpService } from '../core/followups/followup-service';
import { createCloudAdapter } from '../adapters/connector/cloud-adapter';
import { BotMessenger } from '../adapters/connector/messenger';
import { createStore } from '../adapters/sql/create-store';
import { BroadcastEngine } from '../core/engine/broadcast-engine';
import { engineConfig } from '../core/delivery/engine-config';
import { UNLIMITED } from '../core/delivery/rate-limiter';
import type { Store } from '../core/store/store';
import { botRoute } from '../api/http/bot-route';
import { healthRoutes } from '../api/http/health-routes';
import { startWebServer, type RunningWebServer } from '../api/http/web-server';
import { claimEmulatorBot, linkEmulator, type EmulatorLink } from './emulator-link';
import type { RunningEmulator } from '../emulator/server';
import { settingsFromEmulator, settingsFromEnv, type TenantSettings } from './tenant-settings';
import { composeBot } from './compose-bot';
import { scaleOutParts, type ScaleOutParts } from './scale-out';
import { meteredInstaller, meteredMessenger } from '../api/metrics/metered-ports';
import { serveMetrics, type ServedMetrics } from '../api/metrics/metrics-route';
import { allowLoopbackImages } from '../core/cards/card-content';
import type { AdminParts } from './compose-admin';
import { Authority } from '../core/authority/authority';
import type { Actor } from '../core/authority/actor';
import { NotificationService } from '../core/notifications/notification-service';
import { Administration } from '../core/roles/administration';
import { systemClock } from '../core/shared/clock';
import { firstPerson, operatorActor } from './operator';
import { ReachRetention } from '../core/reach/reach-retention';

export interface ComposeOptions {
  env: Env;
  logger?: Logger;
  /** `full`: serve the bot and the API on HERALD_PORT; `bot`: only the bot, on any free port; `none`: no HTTP. */
  serve: 'full' | 'bot' | 'none';
  /** Reuse an emulator already running on HERALD_EMULATOR_PORT instead of starting one (the command line). */
  attachToEmulator?: boolean;
  /** An emulator this process already started (tests, benchmarks). */
  emulator?: RunningEmulator;
}

export interface Herald {
  env: Env;
  log: Logger;
  settings: TenantSettings;
  store: Store;
  engine: BroadcastEngine;
  /** Metrics, and with Redis the shared limiter and work queue (app/scale-out.ts). */
  scale: ScaleOutParts;
  web?: RunningWebServer;
  emulator?: EmulatorLink;
  /** Every use case on notifications (the tab's API, the command line and the bot all go through it). */
  notifications: NotificationService;
  /** Roles and the audit log. */
  administration: Administration;
  /** Follow-up plans (deadline, reminders, expiry): set and read with the same authority as edit. */
  followUps: FollowUpService;
  /** Who the command line acts as: `as` (a UPN or object id), else HERALD_OPERATOR, else locally the default person. */
  operator(as?: string): Promise<Actor>;
  /** Locally, the person the tab signs in as by default (the first configured admin, else the tenant's first member). */
  localPerson?: string;
  /** The admin tab and its API (serve `full` only). */
  admin?: AdminParts;
  close(): Promise<void>;
}

/** The composition root: picks the adapters for the run mode and wires core, adapters, bot and HTTP together. */
export async function composeHerald(options: ComposeOptions): Promise<Herald> {
  const { env } = options;
  // http image URLs on loopback are for the local emulator's client only: never with a real tenant.
  allowLoopbackImages(env.emulated);
  const log = options.logger ?? createLogger({ level: env.HERALD_LOG_LEVEL, pretty: env.HERALD_LOG_PRETTY === 'true' });
  const emulator = options.emulator
    ? { info: options.emulator.info, running: options.emulator }
    : env.emulated
      ? await linkEmulator(env, log, { attach: options.attachToEmulator ?? false })
      : undefined;
  const settings = emulator ? settingsFromEmulator(emulator.info) : settingsFromEnv(env);

  const store = await createStore({ url: env.HERALD_DATABASE_URL });
  const graphToken = createTokenProvider(
    { authorityBaseUrl: settings.authorityBaseUrl, tenant: settings.tenantId, clientId: settings.clientId, clientSecret: settings.clientSecret },
    'https://graph.microsoft.com/.default',
  );
  const graph = new GraphHttp(settings.graphBaseUrl, graphToken);
  const adapter = createCloudAdapter({
    appId: settings.botAppId,
    password: settings.botPassword,
    tenantId: settings.tenantId,
    authorityBaseUrl: settings.authorityBaseUrl,
    channelOpenIdMetadataUrl: settings.channelOpenIdMetadataUrl,
  });
  const limits =
    env.HERALD_RATE_LIMITS === 'off'
      ? UNLIMITED
      : { connector: env.HERALD_SEND_RATE, installedAppsGet: env.HERALD_INSTALL_RATE, installedAppsPost: env.HERALD_INSTALL_RATE };
  const scale = scaleOutParts(env, log, settings.tenantId, limits);
  const directory = new GraphDirectory(graph);
  const engine = new BroadcastEngine({
    store,
    directory,
    installer: meteredInstaller(new GraphInstaller(new GraphBatcher(graph)), scale.metrics),
    messenger: meteredMessenger(new BotMessenger(adapter, settings.botAppId), scale.metrics),
    config: engineConfig({ appExternalId: settings.appExternalId, serviceUrl: settings.botServiceUrl, limits, ...scale.config }),
    limiter: scale.limiter,
    workQueue: scale.queue,
    logger: log,
    followUps: {
      settings: { activityFeed: env.HERALD_FOLLOWUP_ACTIVITY_FEED === 'true', notifyManagers: env.HERALD_FOLLOWUP_NOTIFY_MANAGERS === 'true' },
      graph: new GraphFollowUps(graph),
    },
  });

  const authority = new Authority(store.roles, { ownersMayMessageMembers: env.HERALD_OWNERS_MAY_MESSAGE_MEMBERS === 'true' });
  const notifications = new NotificationService({ store, engine, authority, clock: systemClock });
  const followUps = new FollowUpService({ store, engine, authority, clock: systemClock });
  const administration = new Administration({ store, directory, authority, clock: systemClock, log });
  const localPerson = emulator ? await firstPerson(directory, env.HERALD_ADMINS) : undefined;
  const seeded = await administration.seedAdmins(settings.tenantId, env.HERALD_ADMINS ?? (localPerson ? [localPerson] : []));
  if (seeded.length > 0) log.info({ admins: seeded.map((record) => record.upn) }, 'made the configured people Herald administrators');
  let admin: AdminParts | undefined;
  if (options.serve === 'full') {
    // Loaded only where it is served: the command line and workers never pay for the API's code.
    const { composeAdminApi } = require('./compose-admin') as typeof import('./compose-admin');
    admin = await composeAdminApi({ env, log, store, engine, notifications, administration, followUps, directory, settings, emulator, localPerson });
  }
  const botParts = composeBot({ env, log, store, engine, graph, adapter, settings, notifications });
  let web: RunningWebServer | undefined;
  let metricsServed: ServedMetrics | undefined;
  if (options.serve !== 'none') {
    const app = express();
    app.disable('x-powered-by');
    app.use(healthRoutes(store));
    metricsServed = await serveMetrics({ setting: env.HERALD_METRICS, host: env.HERALD_HOST, mount: (router) => app.use(router), metrics: scale.metrics, sources: scale.metricsSources(store) });
    app.use(botRoute(adapter, botParts.bot, log));
    if (admin) app.use(admin.router);
    web = await startWebServer(app, env.HERALD_HOST, options.serve === 'full' ? env.HERALD_PORT : 0);
    admin?.attach(web);
    emulator?.running?.setBotEndpoint(`${web.url}/api/messages`);
    if (emulator?.claimBot) await claimEmulatorBot(emulator, `${web.url}/api/messages`);
  }
  await engine.start();
  await botParts.start();
  const reachRetention = new ReachRetention({ reach: store.reach, clock: systemClock, log, retentionDays: env.HERALD_REACH_RETENTION_DAYS });
  reachRetention.start();
  scale.start(store);

  return {
    env,
    log,
    settings,
    store,
    engine,
    scale,
    web,
    emulator,
    notifications,
    administration,
    followUps,
    localPerson,
    operator: (as) => operatorActor({ directory, tenantId: settings.tenantId }, as ?? env.HERALD_OPERATOR ?? localPerson),
    admin,
    close: async () => {
      reachRetention.stop();
      botParts.stop();
      admin?.close();
      await engine.stop();
      await scale.close();
      await web?.close();
      await metricsServed?.close();
      await store.close();
      if (!options.emulator) await emulator?.running?.close();
    },
  };
}
