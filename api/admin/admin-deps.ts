import type { Logger } from '../../config/logger';
import type { AdminStore } from '../../core/admin/admin-store';
import type { ResponseReader } from '../../core/admin/response-reader';
import type { BroadcastEngine } from '../../core/engine/broadcast-engine';
import type { DirectoryPort } from '../../core/ports/directory';
import type { NotificationContentStore } from '../../core/responses/response-store';
import type { Store } from '../../core/store/store';

/** What the admin API's services work with; the composition root provides each. */
export interface AdminDeps {
  engine: BroadcastEngine;
  store: Store;
  admin: AdminStore;
  directory: DirectoryPort;
  /** People's acknowledgements and poll answers (the bot's store); nobody has answered when absent. */
  responses: ResponseReader;
  /** Where the bot looks up what a notification's author wrote, to rebuild the card per person. */
  contents?: Pick<NotificationContentStore, 'saveContent'>;
  /** The tenant Herald sends in (the home tenant). */
  tenantId: string;
  log: Logger;
  now: () => number;
}
