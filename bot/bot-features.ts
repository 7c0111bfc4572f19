import type { Storage } from 'botbuilder';
import type { AuditWriter } from '../core/audit/audit-writer';
import type { BroadcastEngine } from '../core/engine/broadcast-engine';
import type { NotificationService } from '../core/notifications/notification-service';
import type { DirectoryPort } from '../core/ports/directory';
import type { ResponseEvents } from '../core/responses/response-events';
import type { TeamOwners } from '../core/responses/team-owners';
import type { WelcomeMode } from '../core/responses/welcome';
import type { Clock } from '../core/shared/clock';
import type { Store } from '../core/store/store';

/** What the bot needs beyond install recording; the composition root provides it. */
export interface BotFeatures {
  store: Store;
  engine: BroadcastEngine;
  /** The live report's hook: answers recorded by the bot are announced here. */
  events: ResponseEvents;
  owners: TeamOwners;
  /** Every action on a notification (the compose box's delivery to every member) goes through these use cases. */
  notifications: NotificationService;
  directory: DirectoryPort;
  audit: AuditWriter;
  /** botbuilder state (survey dialogs, announcement drafts), kept in Herald's database. */
  storage: Storage;
  welcome: { mode: WelcomeMode; text: string };
  clock: Clock;
}
