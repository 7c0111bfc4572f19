import type { NotificationState } from '../../core/notifications/notification-state';
import type { StateCounts } from '../../core/recipients/recipient';
import type { NotificationSummary, NotificationView } from '../contract/notifications';

const iso = (value: number | null | undefined): string | null => (value === null || value === undefined ? null : new Date(value).toISOString());

/** Counts with the states nobody is in left out, as the contract's partial record. */
export function countsOf(counts: StateCounts | undefined): NotificationSummary['counts'] {
  if (!counts) return {};
  return Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));
}

export function totalOf(counts: StateCounts | undefined): number {
  return counts ? Object.values(counts).reduce((sum, count) => sum + count, 0) : 0;
}

/** One notification as the tab lists it: whose, from where, where the work stands, and what the reader may do. */
export function summaryOf(state: NotificationState): NotificationSummary {
  const { notification: n, counts } = state;
  return {
    id: n.id,
    title: n.title,
    status: n.status,
    createdAt: new Date(n.createdAt).toISOString(),
    createdBy: n.owner.upn,
    owner: { id: n.owner.id, upn: n.owner.upn },
    origin: n.origin,
    scheduledAt: iso(n.scheduledAt),
    timeZone: n.timeZone ?? 'UTC',
    sentAt: iso(n.startedAt),
    completedAt: iso(n.completedAt),
    editedAt: iso(n.editedAt),
    recalledAt: iso(n.recalledAt),
    total: totalOf(counts),
    counts: countsOf(counts),
    actions: tabActions(state),
  };
}

/** The tab edits fields: a notification sent as a whole card file is edited from the command line instead. */
export function tabActions(state: Pick<NotificationState, 'notification' | 'actions'>): NotificationSummary['actions'] {
  return state.notification.content ? state.actions : state.actions.filter((action) => action !== 'edit' && action !== 'update');
}

export function viewOf(state: NotificationState): NotificationView {
  return { ...summaryOf(state), content: state.notification.content, card: state.notification.card, audience: state.notification.audience };
}
