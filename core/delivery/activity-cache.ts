import { cardActivity } from '../cards/card-activity';
import type { NotificationStore } from '../store/store';

export type Activity = Record<string, unknown>;

/**
 * The activity every recipient of a sending notification gets, built once per version of the notification (its
 * `updatedAt`) instead of once per send: an edit while it is sending changes the version, and the next claim
 * rebuilds it.
 */
export class ActivityCache {
  private readonly entries = new Map<string, { updatedAt: number; activity: Activity }>();

  constructor(private readonly notifications: Pick<NotificationStore, 'get'>) {}

  get size(): number {
    return this.entries.size;
  }

  /** The activity of this version of the notification; undefined when the notification is gone. */
  async of(version: { id: string; updatedAt: number }): Promise<Activity | undefined> {
    const cached = this.entries.get(version.id);
    if (cached && cached.updatedAt === version.updatedAt) return cached.activity;
    const notification = await this.notifications.get(version.id);
    if (!notification) {
      this.entries.delete(version.id);
      return undefined;
    }
    const activity = cardActivity(notification.card, notification.title);
    this.entries.set(version.id, { updatedAt: notification.updatedAt, activity });
    return activity;
  }

  /** Forgets every notification but these (the ones still sending): a finished or cancelled one is not sent again. */
  keepOnly(sendingIds: Iterable<string>): void {
    const keep = new Set(sendingIds);
    for (const id of this.entries.keys()) if (!keep.has(id)) this.entries.delete(id);
  }
}
