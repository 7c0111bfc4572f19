import { HeraldError } from '../../core/errors/herald-error';
import { readState } from '../../core/notifications/notification-state';
import { OPEN_STATES } from '../../core/recipients/recipient';
import type { Report } from '../contract/notifications';
import type { AdminDeps } from './admin-deps';
import { countsOf, tabActions, totalOf } from './notification-views';
import { RateTracker } from './rate-tracker';

/**
 * The live report of one notification: counts per state, failure reasons, answers, rate and time left, when a
 * scheduled one starts, and what can be done to it now. Whoever reads it was checked by core's use case first
 * (the route, or the event stream when it opened).
 */
export class ReportBuilder {
  private readonly rates = new RateTracker();

  constructor(private readonly deps: AdminDeps) {}

  async build(notificationId: string): Promise<Report> {
    const notification = await this.deps.store.notifications.get(notificationId);
    if (!notification || notification.tenantId !== this.deps.tenantId) throw new HeraldError('not_found', 'There is no such notification: it may have been deleted.');
    const state = await readState(this.deps.store, notification);
    const { counts, reasons } = state;
    const open = OPEN_STATES.reduce((sum, state) => sum + counts[state], 0);
    const processed = counts.sent + counts.failed + counts.cancelled;
    const live = notification.status === 'sending' || notification.status === 'resolving';
    const rate = live ? this.rates.observe(notificationId, this.deps.now(), processed, open) : { ratePerSecond: 0, etaSeconds: open === 0 ? 0 : null };
    const poll = notification.content?.poll;
    const sent = notification.status !== 'draft' && notification.status !== 'scheduled';
    const [acknowledged, results] = await Promise.all([
      sent ? this.deps.responses.acknowledgedCount(notificationId) : Promise.resolve(0),
      poll && sent ? this.deps.responses.pollResults(notificationId, poll.options.length) : Promise.resolve(undefined),
    ]);
    return {
      notificationId,
      status: notification.status,
      total: totalOf(counts),
      counts: countsOf(counts),
      reasons,
      acknowledged,
      poll: poll ? { options: poll.options, counts: results?.counts ?? poll.options.map(() => 0), total: results?.total ?? 0 } : null,
      ratePerSecond: rate.ratePerSecond,
      etaSeconds: rate.etaSeconds,
      scheduledAt: notification.scheduledAt === null ? null : new Date(notification.scheduledAt).toISOString(),
      actions: tabActions(state),
    };
  }
}
