import type { ProgressHub } from '../delivery/progress';
import type { Clock } from '../shared/clock';
import type { Store } from '../store/store';
import type { NotificationStatus } from './notification';

/**
 * Every change of a notification's status goes through here: the conditional move in the database (only from one
 * of `from`, so two servers never both make it) and, when it happened, the status event live reports follow.
 */
export class StatusChanges {
  constructor(
    private readonly store: Pick<Store, 'notifications'>,
    private readonly progress: Pick<ProgressHub, 'status'>,
    private readonly clock: Clock,
  ) {}

  /** Moves to `to` only from one of `from`; false when the notification was elsewhere (someone else moved it). */
  async move(notificationId: string, from: NotificationStatus[], to: NotificationStatus): Promise<boolean> {
    const moved = await this.store.notifications.transition(notificationId, from, to, this.clock.now());
    if (moved) this.progress.status(notificationId, to);
    return moved;
  }
}
