import type { Logger } from '../../config/logger';
import type { ResponseReader } from '../../core/admin/response-reader';
import type { BroadcastEngine } from '../../core/engine/broadcast-engine';
import type { NotificationService } from '../../core/notifications/notification-service';
import type { DirectoryPort } from '../../core/ports/directory';
import type { Administration } from '../../core/roles/administration';
import type { Store } from '../../core/store/store';
import type { ReachPrivacy } from '../../core/reach/reach-privacy';

/** What the admin API works with; the composition root provides each. The routes call use cases, never tables. */
export interface AdminDeps {
  engine: BroadcastEngine;
  store: Store;
  /** Every action on a notification, authority-checked and audited in core. */
  notifications: NotificationService;
  /** Roles and the audit log. */
  administration: Administration;
  /** Follow-up plans (deadline, reminders, expiry); the routes are not served when absent. */
  followUps?: import('../../core/followups/followup-service').FollowUpService;
  directory: DirectoryPort;
  /** People's acknowledgements and poll answers (the bot's store); nobody has answered when absent. */
  responses: ResponseReader;
  /** Who sees reach per person and which counts are shown (HERALD_REACH_AGGREGATE_ONLY); all of it when absent. */
  reach?: ReachPrivacy;
  /** The tenant Herald sends in (the home tenant). */
  tenantId: string;
  log: Logger;
  now: () => number;
}
