import type { Authored } from '../../core/admin/admin-store';
import type { Notification } from '../../core/notifications/notification';
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

/**
 * One notification as the tab lists it: what the author wrote, and, once handed to the engine, its status and
 * counts. A draft has no engine notification yet.
 */
export function summaryOf(authored: Authored, engine: Notification | undefined, counts: StateCounts | undefined): NotificationSummary {
  return {
    id: authored.id,
    title: authored.title,
    status: engine?.status ?? 'draft',
    createdAt: new Date(authored.createdAt).toISOString(),
    createdBy: authored.createdBy,
    scheduledAt: iso(engine?.scheduledAt),
    timeZone: engine?.timeZone ?? 'UTC',
    sentAt: iso(engine?.startedAt),
    completedAt: iso(engine?.completedAt),
    total: totalOf(counts),
    counts: countsOf(counts),
  };
}

export function viewOf(authored: Authored, engine: Notification | undefined, counts: StateCounts | undefined): NotificationView {
  return { ...summaryOf(authored, engine, counts), content: authored.content, audience: authored.audience };
}
