import { HeraldError } from '../../core/errors/herald-error';
import { OPEN_STATES } from '../../core/recipients/recipient';
import type { Report } from '../contract/notifications';
import type { AdminDeps } from './admin-deps';
import { countsOf, totalOf } from './notification-views';
import { RateTracker } from './rate-tracker';

/** The live report of one notification: counts per state, failure reasons, answers, rate and time left. */
export class ReportBuilder {
  private readonly rates = new RateTracker();

  constructor(private readonly deps: AdminDeps) {}

  async build(notificationId: string): Promise<Report> {
    const authored = await this.deps.admin.authored.get(notificationId);
    if (!authored || authored.tenantId !== this.deps.tenantId) throw new HeraldError('not_found', `There is no notification ${notificationId}.`);
    const engine = await this.deps.store.notifications.get(notificationId);
    const counts = engine ? await this.deps.engine.counts(notificationId) : undefined;
    const open = counts ? OPEN_STATES.reduce((sum, state) => sum + counts[state], 0) : 0;
    const processed = counts ? counts.sent + counts.failed + counts.cancelled : 0;
    const live = engine?.status === 'sending' || engine?.status === 'resolving';
    const rate = live ? this.rates.observe(notificationId, this.deps.now(), processed, open) : { ratePerSecond: 0, etaSeconds: open === 0 ? 0 : null };
    const poll = authored.content.poll;
    const [reasons, acknowledged, results] = await Promise.all([
      counts && counts.failed > 0 ? this.deps.admin.reports.failureReasons(notificationId) : Promise.resolve({}),
      engine ? this.deps.responses.acknowledgedCount(notificationId) : Promise.resolve(0),
      poll && engine ? this.deps.responses.pollResults(notificationId, poll.options.length) : Promise.resolve(undefined),
    ]);
    return {
      notificationId,
      status: engine?.status ?? 'draft',
      total: totalOf(counts),
      counts: countsOf(counts),
      reasons,
      acknowledged,
      poll: poll ? { options: poll.options, counts: results?.counts ?? poll.options.map(() => 0), total: results?.total ?? 0 } : null,
      ratePerSecond: rate.ratePerSecond,
      etaSeconds: rate.etaSeconds,
    };
  }
}
