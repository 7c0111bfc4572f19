import type { CloudAdapter } from 'botbuilder';
import type { Env } from '../config/env';
import type { Logger } from '../config/logger';
import { GraphDirectory } from '../adapters/graph/directory';
import type { GraphHttp } from '../adapters/graph/graph-http';
import { BotMessenger } from '../adapters/connector/messenger';
import { SqlBotStorage } from '../adapters/sql/bot-state-storage';
import type { SqlStore } from '../adapters/sql/sql-store';
import type { BroadcastEngine } from '../core/engine/broadcast-engine';
import type { NotificationService } from '../core/notifications/notification-service';
import { AnnouncementSummaries } from '../core/responses/announcement-summary';
import { responseEvents } from '../core/responses/response-events';
import { TeamOwners } from '../core/responses/team-owners';
import { systemClock } from '../core/shared/clock';
import { HeraldBot } from '../bot/herald-bot';
import { engineConversationEvents } from './conversation-events';
import type { TenantSettings } from './tenant-settings';

export interface BotParts {
  bot: HeraldBot;
  /** Summaries of finished team announcements (and those that finished while Herald was down). */
  start(): Promise<void>;
  stop(): void;
}

/** Wires the bot's features: card answers, surveys, welcome, and the compose-box announcements. */
export function composeBot(deps: {
  env: Env;
  log: Logger;
  store: SqlStore;
  engine: BroadcastEngine;
  notifications: NotificationService;
  graph: GraphHttp;
  adapter: CloudAdapter;
  settings: TenantSettings;
}): BotParts {
  const { env, log, store, engine, settings } = deps;
  const clock = systemClock;
  const directory = new GraphDirectory(deps.graph);
  const bot = new HeraldBot(engineConversationEvents(engine, store), log, {
    store,
    engine,
    events: responseEvents,
    owners: new TeamOwners(directory, clock),
    directory,
    notifications: deps.notifications,
    audit: store.audit,
    storage: new SqlBotStorage(store.db),
    welcome: { mode: env.HERALD_WELCOME, text: env.HERALD_WELCOME_TEXT },
    clock,
  });
  const summaries = new AnnouncementSummaries({
    engine,
    store,
    announcements: store.responses.announcements,
    messenger: new BotMessenger(deps.adapter, settings.botAppId),
    clock,
    logger: log,
    serviceUrl: settings.botServiceUrl,
  });
  return { bot, start: () => summaries.start(), stop: () => summaries.stop() };
}
