import type { StateCounts } from '../recipients/recipient';
import type { Store } from '../store/store';
import type { Notification } from './notification';
import { actionsNow, RESEND_NEVER_HELPS, type NotificationAction } from './notification-actions';

/** A notification as its reader sees it: the record, its counts, and what its owner or an administrator may do to it now. */
export interface NotificationState {
  notification: Notification;
  counts: StateCounts;
  actions: NotificationAction[];
  /** Failed recipients by reason (empty when nobody failed). */
  reasons: Record<string, number>;
}

/** Reads the counts (one GROUP BY) and, when anyone failed, the failures by reason; derives the actions. */
export async function readState(store: Pick<Store, 'recipients' | 'reports'>, notification: Notification): Promise<NotificationState> {
  const counts = await store.recipients.counts(notification.id);
  const reasons = counts.failed > 0 ? await store.reports.failureReasons(notification.id) : {};
  const resendable = Object.entries(reasons).reduce((sum, [reason, count]) => sum + (RESEND_NEVER_HELPS.has(reason) ? 0 : count), 0);
  return { notification, counts, actions: actionsNow(notification, counts, resendable), reasons };
}
