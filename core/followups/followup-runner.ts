import { cardActivity } from '../cards/card-activity';
import { buildCard } from '../cards/card-template';
import type { AdaptiveCard } from '../cards/card-schema';
import { classifyFailure } from '../delivery/classify-failure';
import { inSlot, type OperationKind } from '../delivery/rate-limiter';
import { backoffMs } from '../delivery/retry-policy';
import type { WorkContext } from '../delivery/work-context';
import type { Notification } from '../notifications/notification';
import type { FollowUpGraphPort, Manager } from '../ports/followup-graph';
import type { CancelTimer } from '../shared/clock';
import type { Store } from '../store/store';
import { expiredRawCard, messageLink, reminderCard, summaryCard, SUMMARY_NAMES } from './followup-cards';
import { roundDueAt, type FollowUpPlan } from './followup-plan';
import type { FollowUpProgress, FollowUpRecord, FollowUpStore, ReminderOutcome, ReminderTarget } from './followup-store';
import { mapLimited } from '../shared/map-limited';

/** What the tenant allows beyond the sender's plan (tenant settings, both off by default). */
export interface FollowUpSettings {
  /** Reminders may also go to the person's Teams activity feed (needs TeamsActivity.Send.User consented). */
  activityFeed: boolean;
  /** At the deadline, each non-acknowledger's manager gets the list of their own people who did not acknowledge. */
  notifyManagers: boolean;
}

export interface FollowUpRunnerDeps {
  store: Store;
  followUps: FollowUpStore;
  ctx: WorkContext;
  settings: FollowUpSettings;
  /** Graph for activity-feed reminders and manager look-ups; without it neither is attempted. */
  graph?: FollowUpGraphPort;
  /** Updates the sent card in every chat (expiry: `update`), through the engine's edit. */
  editCards(notificationId: string, card: unknown): Promise<unknown>;
  /** Deletes the sent card from every chat (expiry: `recall`), through the engine's recall. */
  recallCards(notificationId: string): Promise<unknown>;
  /** How often the runner looks for due steps. */
  intervalMs: number;
}

/** A notification not sent yet is looked at again this much later (it may be sent by then). */
const NOT_SENT_RECHECK_MS = 60_000;
/**
 * People claimed at once by one lane. Small, because a crash leaves a lane's claimed batch unsent (at-most-once):
 * at most LANES × CLAIM_BATCH reminders are lost to a kill.
 */
const CLAIM_BATCH = 64;
/**
 * Lanes claiming and sending side by side: while one writes its outcomes and claims its next batch, the other's
 * calls use the call window's slots, so the round keeps the Connector budget busy (one lane left it idle for each
 * batch's write and claim: 0.89 of the budget measured on this machine).
 */
const LANES = 2;
const DUE_BATCH = 20;
/** The activity type Herald's manifest declares for reminders (appPackage/manifest.json `activities`). */
export const REMINDER_ACTIVITY_TYPE = 'announcementReminder';

/** What one reminder round did. */
export interface RoundReport {
  notificationId: string;
  round: number;
  sent: number;
  failed: number;
  skipped: number;
  feedSent: number;
  feedFailed: number;
}

/**
 * Takes each due follow-up step of every notification with a plan: expiry, reminder rounds, the deadline summary.
 * Each step is claimed before it happens (a conditional move of the notification's progress, or, for reminders,
 * a row per person per round written before the call), so no step and no person's reminder happens twice, across
 * restarts, crashes and servers. The price is at-most-once: a reminder whose call was on the wire when the
 * process died is not sent again (its row stays `claimed`, and the round's counts show it).
 */
export class FollowUpRunner {
  private cancelTimer: CancelTimer | undefined;
  private running = false;
  private pass: Promise<void> | undefined;
  private readonly listeners = new Set<(report: RoundReport) => void>();

  constructor(private readonly deps: FollowUpRunnerDeps) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.cancelTimer?.();
    await this.pass;
  }

  /** Told after each reminder round finishes (benchmarks and tests). */
  onRound(listener: (report: RoundReport) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One pass now: every due step of every due notification. Returns how many notifications were looked at. */
  async tick(): Promise<number> {
    const due = await this.deps.followUps.due(this.now(), DUE_BATCH);
    for (const record of due) {
      try {
        await this.step(record);
      } catch (error) {
        this.deps.ctx.logger.error({ err: error, notificationId: record.notificationId }, 'a follow-up step failed; it is tried again on a later pass');
        await this.deps.followUps.reschedule(record.notificationId, this.now() + this.deps.intervalMs * 10);
      }
    }
    return due.length;
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    this.cancelTimer = this.deps.ctx.clock.setTimer(ms, () => {
      this.pass = this.tick()
        .catch((error: unknown) => this.deps.ctx.logger.error({ err: error }, 'follow-up pass failed'))
        .then(() => this.schedule(this.deps.intervalMs));
    });
  }

  private async step(record: FollowUpRecord): Promise<void> {
    const { notificationId, plan } = record;
    const notification = await this.deps.store.notifications.get(notificationId);
    if (!notification || notification.status === 'recalled') return this.deps.followUps.reschedule(notificationId, null);
    let progress = record.progress;
    const sent = notification.status === 'sending' || notification.status === 'completed' || notification.status === 'cancelled';
    const now = this.now();

    if (plan.expiresAt !== null && progress.expiredAt === null && now >= plan.expiresAt) {
      const next = { ...progress, expiredAt: now };
      if (!(await this.deps.followUps.advance(notificationId, progress, next, now))) return;
      progress = next;
      if (sent) await this.expire(notification, plan, now);
    }

    if (!sent) {
      const nextAt = nextStepAt(plan, progress, null);
      return this.deps.followUps.reschedule(notificationId, nextAt === null ? null : Math.min(nextAt, now + NOT_SENT_RECHECK_MS));
    }
    const sentAt = notification.startedAt ?? notification.createdAt;

    const round = progress.roundsDone + 1;
    if (plan.reminders && progress.expiredAt === null && round <= plan.reminders.times && beforeDeadline(plan, now) && now >= roundDueAt(plan, sentAt, round, progress.lastRoundAt)) {
      await this.runRound(notification, plan, round);
      const next = { ...progress, roundsDone: round, lastRoundAt: this.now() };
      if (!(await this.deps.followUps.advance(notificationId, progress, next, this.now()))) return;
      progress = next;
    }

    if (plan.acknowledgeBy !== null && progress.summaryAt === null && this.now() >= plan.acknowledgeBy) {
      const next = { ...progress, summaryAt: this.now() };
      if (!(await this.deps.followUps.advance(notificationId, progress, next, this.now()))) return;
      progress = next;
      await this.summarise(notification, plan.acknowledgeBy);
    }
    await this.deps.followUps.reschedule(notificationId, nextStepAt(plan, progress, sentAt));
  }

  /**
   * One reminder round: claim a batch of due people (their rows written first), check again who acknowledged
   * meanwhile, send, write the outcomes; until nobody is left to claim. A round interrupted by a crash is resumed
   * by the next pass, which claims only people without a row for it.
   */
  async runRound(notification: Notification, plan: FollowUpPlan, round: number): Promise<RoundReport> {
    const reminders = plan.reminders!;
    const report: RoundReport = { notificationId: notification.id, round, sent: 0, failed: 0, skipped: 0, feedSent: 0, feedFailed: 0 };
    const feed = reminders.activityFeed && this.deps.settings.activityFeed && this.deps.graph !== undefined;
    const lane = async (): Promise<void> => {
      for (;;) {
        const targets = await this.deps.followUps.claimReminders(notification.id, round, reminders.to, CLAIM_BATCH, this.now());
        if (targets.length === 0) return;
        const acknowledged = await this.deps.followUps.acknowledgedAmong(notification.id, targets.map((target) => target.userId));
        const outcomes = await mapLimited(targets, Math.max(1, Math.ceil(this.deps.ctx.config.maxSendsInFlight / LANES)), (target) =>
          acknowledged.has(target.userId) ? Promise.resolve(skipped(target, round)) : this.remindOne(notification, plan, round, target, feed),
        );
        await this.deps.followUps.finishReminders(outcomes, this.now());
        for (const outcome of outcomes) {
          report[outcome.status] += 1;
          if (outcome.feed === 'sent') report.feedSent += 1;
          if (outcome.feed === 'failed') report.feedFailed += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    this.deps.ctx.logger.info({ ...report }, 'reminder round done');
    for (const listener of this.listeners) listener(report);
    return report;
  }

  private async remindOne(notification: Notification, plan: FollowUpPlan, round: number, target: ReminderTarget, feed: boolean): Promise<ReminderOutcome> {
    const { ctx } = this.deps;
    const link = target.activityId ? messageLink(target.conversationId, target.activityId) : null;
    const acknowledge = notification.content ? notification.content.acknowledge : hasAcknowledgeButton(notification.card);
    const card = reminderCard({ notificationId: notification.id, title: notification.title, acknowledgeBy: plan.acknowledgeBy, round, times: plan.reminders!.times, link, acknowledge });
    const address = { conversationId: target.conversationId, serviceUrl: target.serviceUrl, tenantId: notification.tenantId };
    const result = await this.call(notification.tenantId, 'connector', 'send', () => ctx.messenger.send(address, cardActivity(card as AdaptiveCard, `Reminder: ${notification.title}`)));
    const outcome: ReminderOutcome = {
      recipientId: target.recipientId,
      round,
      status: result.ok ? 'sent' : 'failed',
      reason: result.ok ? null : result.reason,
      activityId: result.ok ? result.value.activityId : null,
      feed: null,
    };
    if (feed) {
      const fed = await this.call(notification.tenantId, 'activityFeed', 'send', () =>
        this.deps.graph!.sendActivityNotification(target.userId, {
          topic: { source: 'text', value: notification.title, webUrl: link ?? 'https://teams.microsoft.com/' },
          activityType: REMINDER_ACTIVITY_TYPE,
          previewText: { content: plan.acknowledgeBy !== null ? `Please acknowledge by ${new Date(plan.acknowledgeBy).toUTCString()}` : 'You have not acknowledged this announcement yet.' },
          templateParameters: [{ name: 'announcement', value: notification.title }],
          chainId: chainIdOf(notification.id),
        }),
      );
      outcome.feed = fed.ok ? 'sent' : 'failed';
    }
    return outcome;
  }

  /** A call in a `fill` slot of its kind, retried in place on throttling and transient errors. */
  private async call<T>(tenantId: string, kind: OperationKind, operation: 'send', work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; reason: string }> {
    const { ctx } = this.deps;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return { ok: true, value: await inSlot(ctx.limiter, tenantId, kind, work, 'fill') };
      } catch (error) {
        const decision = classifyFailure(operation, error);
        if (decision.action === 'throttle' && attempt < ctx.config.retry.maxAttempts * 2) {
          ctx.limiter.pause(tenantId, kind, decision.retryAfterMs ?? ctx.config.retry.defaultThrottleMs);
          continue;
        }
        if ((decision.action === 'retry' || decision.action === 'throttle') && attempt < ctx.config.retry.maxAttempts) {
          await ctx.clock.sleep(backoffMs(ctx.config.retry, attempt, ctx.random));
          continue;
        }
        return { ok: false, reason: decision.action === 'fail' ? decision.reason : decision.action === 'repair' ? 'conversation_lost' : 'retries_exhausted' };
      }
    }
  }

  /** The card as it reads once expired, in every chat; or deleted from every chat (the sender's choice). */
  private async expire(notification: Notification, plan: FollowUpPlan, at: number): Promise<void> {
    if (plan.onExpiry === 'recall') {
      await this.deps.recallCards(notification.id);
      return;
    }
    const card = notification.content ? buildCard(notification.content, { notificationId: notification.id, expiredAt: at }) : expiredRawCard(notification.card as Record<string, unknown>, at);
    await this.deps.editCards(notification.id, card);
  }

  /** The deadline summary to the sender's own chat with Herald, and (tenant setting) to each straggler's manager. */
  private async summarise(notification: Notification, acknowledgeBy: number): Promise<void> {
    const counts = await this.deps.store.recipients.counts(notification.id);
    const names: string[] = [];
    const byManager = new Map<string, { manager: Manager; names: string[] }>();
    let missing = 0;
    let afterId = 0;
    const managers = this.deps.settings.notifyManagers && this.deps.graph !== undefined;
    for (;;) {
      const page = await this.deps.followUps.stragglers(notification.id, afterId, 500);
      if (page.length === 0) break;
      afterId = page[page.length - 1]!.recipientId;
      missing += page.length;
      for (const person of page) if (names.length < SUMMARY_NAMES) names.push(person.displayName || person.upn || person.userId);
      if (managers) {
        const found = await mapLimited(page, 8, async (person) => ({ person, manager: await this.managerOf(notification.tenantId, person.userId) }));
        for (const { person, manager } of found) {
          if (!manager) continue;
          const entry = byManager.get(manager.id) ?? { manager, names: [] };
          entry.names.push(person.displayName || person.upn || person.userId);
          byManager.set(manager.id, entry);
        }
      }
    }
    const card = summaryCard({ title: notification.title, acknowledgeBy, total: counts.sent, acknowledged: counts.sent - missing, names, more: missing - names.length });
    await this.sendTo(notification.tenantId, notification.owner.id, card, `Acknowledgements: ${notification.title}`);
    for (const { manager, names: people } of byManager.values()) {
      const listed = people.slice(0, SUMMARY_NAMES);
      const managerCard = summaryCard({ title: notification.title, acknowledgeBy, total: people.length, acknowledged: 0, names: listed, more: people.length - listed.length, forManager: true });
      await this.sendTo(notification.tenantId, manager.id, managerCard, `Not acknowledged by your team: ${notification.title}`);
    }
    this.deps.ctx.logger.info({ notificationId: notification.id, missing, managers: byManager.size }, 'deadline summary sent');
  }

  private async managerOf(tenantId: string, userId: string): Promise<Manager | undefined> {
    const result = await this.call(tenantId, 'directoryRead', 'send', () => this.deps.graph!.managerOf(userId));
    return result.ok ? result.value : undefined;
  }

  /** Sends a card to a person's 1:1 chat with Herald (known from the bot's events or a delivery; else installed). */
  private async sendTo(tenantId: string, userId: string, card: Record<string, unknown>, summary: string): Promise<boolean> {
    const chat = await this.chatWith(tenantId, userId);
    if (!chat) {
      this.deps.ctx.logger.warn({ userId }, 'no chat with this person, so a follow-up card could not be sent');
      return false;
    }
    const result = await this.call(tenantId, 'connector', 'send', () => this.deps.ctx.messenger.send({ ...chat, tenantId }, cardActivity(card as AdaptiveCard, summary)));
    if (!result.ok) this.deps.ctx.logger.warn({ userId, reason: result.reason }, 'a follow-up card could not be sent');
    return result.ok;
  }

  private async chatWith(tenantId: string, userId: string): Promise<{ conversationId: string; serviceUrl: string } | undefined> {
    const known = await this.deps.store.conversations.get(tenantId, userId);
    if (known) return known;
    const { ctx } = this.deps;
    try {
      const catalogId = await ctx.catalog.id();
      await inSlot(ctx.limiter, tenantId, 'installedAppsPost', () => ctx.installer.installForUser(userId, catalogId), 'fill');
      const installationId = await inSlot(ctx.limiter, tenantId, 'installedAppsGet', () => ctx.installer.findUserInstallation(userId, catalogId), 'fill');
      if (!installationId) return undefined;
      const conversationId = await inSlot(ctx.limiter, tenantId, 'installedAppsGet', () => ctx.installer.chatOfInstallation(userId, installationId), 'fill');
      const record = { tenantId, userId, conversationId, serviceUrl: ctx.config.serviceUrl, source: 'graph' as const, updatedAt: this.now() };
      await this.deps.store.conversations.upsert(record);
      return record;
    } catch (error) {
      ctx.logger.warn({ err: error, userId }, 'installing Herald for a follow-up card failed');
      return undefined;
    }
  }

  private now(): number {
    return this.deps.ctx.clock.now();
  }
}

/** The next moment something of the plan is due, or null when nothing is left. `sentAt` null: not sent yet. */
export function nextStepAt(plan: FollowUpPlan, progress: FollowUpProgress, sentAt: number | null): number | null {
  const moments: number[] = [];
  if (plan.expiresAt !== null && progress.expiredAt === null) moments.push(plan.expiresAt);
  if (plan.acknowledgeBy !== null && progress.summaryAt === null) moments.push(plan.acknowledgeBy);
  if (plan.reminders && progress.expiredAt === null && progress.roundsDone < plan.reminders.times && sentAt !== null) {
    const due = roundDueAt(plan, sentAt, progress.roundsDone + 1, progress.lastRoundAt);
    if (plan.acknowledgeBy === null || due < plan.acknowledgeBy) moments.push(due);
  }
  return moments.length === 0 ? null : Math.min(...moments);
}

function beforeDeadline(plan: FollowUpPlan, now: number): boolean {
  return plan.acknowledgeBy === null || now < plan.acknowledgeBy;
}

function skipped(target: ReminderTarget, round: number): ReminderOutcome {
  return { recipientId: target.recipientId, round, status: 'skipped', reason: 'acknowledged', activityId: null, feed: null };
}

function hasAcknowledgeButton(card: unknown): boolean {
  return JSON.stringify(card ?? {}).includes('"herald.acknowledge"');
}

/** A stable 31-bit number per notification: the activity feed's chainId, so each reminder replaces the last. */
export function chainIdOf(notificationId: string): number {
  let hash = 0;
  for (const char of notificationId) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return (hash & 0x7fffffff) || 1;
}
