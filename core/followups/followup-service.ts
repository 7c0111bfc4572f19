import { actorName, type Actor } from '../authority/actor';
import type { Authority } from '../authority/authority';
import { checkedCardActivity } from '../cards/card-activity';
import { buildCard } from '../cards/card-template';
import type { FollowupReport } from '../delivery/followups';
import type { BroadcastEngine } from '../engine/broadcast-engine';
import { HeraldError } from '../errors/herald-error';
import type { Notification } from '../notifications/notification';
import type { Clock } from '../shared/clock';
import type { Store } from '../store/store';
import { validatePlan, type FollowUpPlan } from './followup-plan';
import { nextStepAt } from './followup-runner';
import type { FollowUpProgress, RoundCounts } from './followup-store';

export interface FollowUpServiceDeps {
  store: Store;
  engine: Pick<BroadcastEngine, 'edit'>;
  authority: Authority;
  clock: Clock;
}

/** A notification's follow-ups as its owner or an administrator reads them. */
export interface FollowUpView {
  plan: FollowUpPlan | null;
  progress: FollowUpProgress | null;
  /** Per reminder round done or under way: how many were sent, failed, skipped (acknowledged meanwhile), interrupted. */
  rounds: Array<{ round: number } & RoundCounts>;
  nextAt: number | null;
}

/**
 * The follow-up use cases, beside the NotificationService's and under the same rules: the Authority decides (the
 * owner or an administrator, as for edit), the plan is checked (a sentence and the fields), the change is audited.
 */
export class FollowUpService {
  constructor(private readonly deps: FollowUpServiceDeps) {}

  async get(actor: Actor, id: string): Promise<FollowUpView> {
    await this.require(actor, id);
    const record = await this.deps.store.followups.get(id);
    if (!record) return { plan: null, progress: null, rounds: [], nextAt: null };
    const rounds = [];
    const started = record.progress.roundsDone + (record.plan.reminders && record.progress.roundsDone < record.plan.reminders.times ? 1 : 0);
    for (let round = 1; round <= started; round += 1) {
      const counts = await this.deps.store.followups.roundCounts(id, round);
      if (round <= record.progress.roundsDone || counts.claimed + counts.sent + counts.failed + counts.skipped > 0) rounds.push({ round, ...counts });
    }
    return { plan: record.plan, progress: record.progress, rounds, nextAt: record.nextAt };
  }

  /**
   * Sets (or, with null, removes) a notification's follow-up plan, while writing it or once sent. A changed
   * deadline is shown on the card: a draft's card is rebuilt, a sent one is updated in every chat (the work).
   * Steps already taken (rounds, the summary, expiry) are never taken again.
   */
  async setFollowUpPlan(actor: Actor, id: string, input: unknown): Promise<{ view: FollowUpView; work: Promise<FollowupReport> | null }> {
    const notification = await this.require(actor, id);
    if (notification.status === 'recalled') throw new HeraldError('conflict', 'It is recalled: its cards were deleted from every chat, so there is nothing to follow up.');
    const now = this.deps.clock.now();
    const plan = input === null ? null : validatePlan(input, now);
    const before = await this.deps.store.followups.get(id);
    if (before?.progress.expiredAt != null) throw new HeraldError('conflict', 'It has expired: its follow-ups are over.');
    const sentAt = notification.startedAt ?? (isSent(notification) ? notification.createdAt : null);
    const nextAt = plan ? (sentAt === null ? now : (nextStepAt(plan, before?.progress ?? { roundsDone: 0, lastRoundAt: null, summaryAt: null, expiredAt: null }, sentAt) ?? null)) : null;
    await this.deps.store.followups.setPlan(id, plan, nextAt, now);
    await this.deps.store.audit.record({
      tenantId: actor.tenantId,
      actor: actorName(actor),
      action: plan ? 'notification.followups' : 'notification.followups.remove',
      target: id,
      details: { ...(plan ? describePlan(plan) : {}), before: before ? describePlan(before.plan) : undefined, actorId: actor.userId, via: actor.origin },
    });
    let work: Promise<FollowupReport> | null = null;
    const deadlineChanged = (before?.plan.acknowledgeBy ?? null) !== (plan?.acknowledgeBy ?? null);
    if (deadlineChanged && notification.content) {
      const card = buildCard(notification.content, { notificationId: id, acknowledgeBy: plan?.acknowledgeBy ?? null });
      if (notification.status === 'draft' || notification.status === 'scheduled') {
        await this.deps.store.notifications.update(id, { card: checkedCardActivity(card, notification.title).card }, now);
      } else if (isSent(notification)) {
        work = this.deps.engine.edit(id, card);
        work.catch(() => undefined);
      }
    }
    return { view: await this.get(actor, id), work };
  }

  private async require(actor: Actor, id: string): Promise<Notification> {
    const role = await this.deps.authority.requireSender(actor);
    const notification = await this.deps.store.notifications.get(id);
    if (!notification || notification.tenantId !== actor.tenantId || id.startsWith('preview-')) throw new HeraldError('not_found', 'There is no such notification: it may have been deleted.');
    this.deps.authority.assertMayActOn(role, actor, notification);
    return notification;
  }
}

function isSent(notification: Notification): boolean {
  return notification.status === 'sending' || notification.status === 'completed' || notification.status === 'cancelled';
}

function describePlan(plan: FollowUpPlan): Record<string, unknown> {
  return {
    acknowledgeBy: plan.acknowledgeBy === null ? null : new Date(plan.acknowledgeBy).toISOString(),
    reminders: plan.reminders,
    expiresAt: plan.expiresAt === null ? null : new Date(plan.expiresAt).toISOString(),
    onExpiry: plan.onExpiry,
  };
}
