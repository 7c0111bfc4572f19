import { HeraldError } from '../../core/errors/herald-error';
import { readState } from '../../core/notifications/notification-state';
import { OPEN_STATES } from '../../core/recipients/recipient';
import type { Report } from '../contract/notifications';
import type { ReachFunnel, ReachTimeline } from '../contract/reach';
import { openReach, type ReachPrivacy } from '../../core/reach/reach-privacy';
import { bucketFor, cumulative } from '../../core/reach/reach-timeline';
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
  private readonly privacy: ReachPrivacy;

  constructor(private readonly deps: AdminDeps) {
    this.privacy = deps.reach ?? openReach({ record: async () => undefined });
  }

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
    const [acknowledged, results, reach] = await Promise.all([
      sent ? this.deps.responses.acknowledgedCount(notificationId) : Promise.resolve(0),
      poll && sent ? this.deps.responses.pollResults(notificationId, poll.options.length) : Promise.resolve(undefined),
      sent ? this.deps.store.reach.counts(notificationId) : Promise.resolve(undefined),
    ]);
    const count = (value: number) => this.privacy.count(value);
    const funnel: ReachFunnel | undefined = reach && {
      delivered: count(reach.delivered),
      seen: count(reach.seen),
      notSeen: count(reach.delivered - reach.seen - reach.unknown),
      unknown: count(reach.unknown),
      acknowledged: count(acknowledged),
      ...(poll ? { answered: count(results?.total ?? 0) } : {}),
      hiddenBelow: this.privacy.hiddenBelow,
    };
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
      ...(funnel ? { reach: funnel } : {}),
    };
  }

  /** Cumulative seen and acknowledged since delivery started, in even buckets up to now (the reach chart). */
  async reachTimeline(notificationId: string): Promise<ReachTimeline> {
    const notification = await this.deps.store.notifications.get(notificationId);
    if (!notification || notification.tenantId !== this.deps.tenantId) throw new HeraldError('not_found', 'There is no such notification: it may have been deleted.');
    const hiddenBelow = this.privacy.hiddenBelow;
    const since = notification.startedAt;
    if (since === null) return { notificationId, since: null, bucketSeconds: 60, points: [], hiddenBelow };
    const now = Math.max(this.deps.now(), since);
    const bucketMs = bucketFor(now - since);
    const buckets = await this.deps.store.reach.buckets(notificationId, since, bucketMs);
    const points = cumulative(buckets, since, now, bucketMs).map((point) => ({
      at: new Date(point.at).toISOString(),
      seen: this.privacy.count(point.seen),
      acknowledged: this.privacy.count(point.acknowledged),
    }));
    return { notificationId, since: new Date(since).toISOString(), bucketSeconds: bucketMs / 1000, points, hiddenBelow };
  }
}
