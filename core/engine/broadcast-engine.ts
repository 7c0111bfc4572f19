import type { AudienceReport } from '../audience/audience-report';
import { checkedCardActivity } from '../cards/card-activity';
import { CatalogCache } from '../delivery/catalog-cache';
import { Dispatcher } from '../delivery/dispatcher';
import type { EngineConfig } from '../delivery/engine-config';
import { runFollowup, type FollowupReport } from '../delivery/followups';
import { ProgressHub, type ProgressListener } from '../delivery/progress';
import { RateLimiter, type TenantRateLimiter } from '../delivery/rate-limiter';
import type { WorkContext } from '../delivery/work-context';
import { HeraldError } from '../errors/herald-error';
import type { Notification, NotificationOrigin } from '../notifications/notification';
import { notificationInputSchema, type NotificationInput } from '../notifications/notification-input';
import type { DirectoryPort } from '../ports/directory';
import type { InstallerPort } from '../ports/installer';
import type { MessengerPort } from '../ports/messenger';
import type { WorkQueuePort } from '../ports/work-queue';
import type { StateCounts } from '../recipients/recipient';
import { recordConversation, type ConversationEvent } from '../recipients/record-conversation';
import { Scheduler } from '../scheduling/scheduler';
import { StatusChanges } from '../notifications/status-changes';
import { systemClock, type Clock } from '../shared/clock';
import { newId } from '../shared/ids';
import { silentLogger, type Logger } from '../shared/logger';
import type { Store } from '../store/store';
import { previewAudience, resolveThenSend, type StartDeps } from './start-sending';
import { postToChannel, type ChannelPostResult } from '../channels/post-to-channel';
import { ThreadLimiter } from '../channels/thread-limiter';
import { FollowUpRunner, type FollowUpSettings } from '../followups/followup-runner';
import type { FollowUpGraphPort } from '../ports/followup-graph';

export interface EngineDeps {
  store: Store;
  directory: DirectoryPort;
  installer: InstallerPort;
  messenger: MessengerPort;
  config: EngineConfig;
  clock?: Clock;
  logger?: Logger;
  random?: () => number;
  /** This server's name in lease rows; random when absent. */
  holder?: string;
  /** The limits shared with other workers (adapters/redis); an in-process call window when absent. */
  limiter?: TenantRateLimiter;
  /** Wakes other servers when work becomes due (adapters/queue); SQL polling alone when absent. */
  workQueue?: WorkQueuePort;
  /** Follow-ups (reminders, deadline summaries, expiry): what the tenant allows, and Graph for feeds and managers. */
  followUps?: { settings: FollowUpSettings; graph?: FollowUpGraphPort; intervalMs?: number };
}

/** The broadcast engine: what the API, the CLI and the bot call. One per process. */
export class BroadcastEngine {
  readonly progress: ProgressHub;
  private readonly ctx: WorkContext;
  private readonly dispatcher: Dispatcher;
  private readonly scheduler: Scheduler;
  private readonly startDeps: StartDeps;
  private readonly threads: ThreadLimiter;
  private readonly statuses: StatusChanges;
  /** Reminders, deadline summaries and expiry, drawing on the same call windows as deliveries (after them). */
  readonly followUps: FollowUpRunner;

  constructor(private readonly deps: EngineDeps) {
    const clock = deps.clock ?? systemClock;
    const logger = deps.logger ?? silentLogger;
    const holder = deps.holder ?? newId();
    const catalog = new CatalogCache(deps.installer, deps.config.appExternalId, clock);
    const limiter = deps.limiter ?? new RateLimiter(deps.config.limits, clock);
    this.ctx = { installer: deps.installer, messenger: deps.messenger, limiter, catalog, clock, config: deps.config, logger, random: deps.random ?? Math.random };
    this.progress = new ProgressHub(deps.store.recipients, { intervalMs: deps.config.progressIntervalMs, clock, logger });
    this.threads = new ThreadLimiter(clock);
    this.statuses = new StatusChanges(deps.store, this.progress, clock);
    this.dispatcher = new Dispatcher(deps.store, this.ctx, this.progress, holder, deps.workQueue);
    this.startDeps = { store: deps.store, directory: deps.directory, catalog, limits: deps.config.limits, clock, statuses: this.statuses, holder };
    this.scheduler = new Scheduler({ store: deps.store, clock, logger, holder, intervalMs: deps.config.schedulerIntervalMs, start: (n) => this.startScheduled(n) });
    this.followUps = new FollowUpRunner({
      store: deps.store,
      followUps: deps.store.followups,
      ctx: this.ctx,
      settings: deps.followUps?.settings ?? { activityFeed: false, notifyManagers: false },
      graph: deps.followUps?.graph,
      editCards: (id, card) => this.edit(id, card),
      recallCards: (id) => this.recall(id),
      intervalMs: deps.followUps?.intervalMs ?? deps.config.schedulerIntervalMs,
    });
  }

  /** Starts the dispatcher and the scheduler, and resumes audience resolutions a crash interrupted. */
  async start(): Promise<void> {
    await this.dispatcher.start();
    this.scheduler.start();
    this.followUps.start();
    for (const notification of await this.deps.store.notifications.withStatus('resolving')) {
      void this.resolveInBackground(notification);
    }
  }

  /**
   * Stops claiming work, finishes what is in flight and writes every outcome. `handBack` (a worker's SIGTERM):
   * calls still waiting for a rate-limit slot return their recipients to the database for another worker.
   */
  async stop(options: { handBack?: boolean } = {}): Promise<void> {
    await this.followUps.stop();
    await this.scheduler.stop();
    await this.dispatcher.stop(options);
    this.progress.stop();
  }

  /** Stops like a crash (unwritten outcomes are lost; returns how many). Only for tests of crash recovery. */
  async halt(): Promise<number> {
    await this.followUps.stop();
    await this.scheduler.stop();
    const dropped = await this.dispatcher.halt();
    this.progress.stop();
    return dropped;
  }

  subscribe(listener: ProgressListener): () => void {
    return this.progress.subscribe(listener);
  }

  /**
   * Validates and stores a draft (or a scheduled notification when `scheduledAt` is given). `id` lets a caller that
   * built the card for a known id (the card's actions carry it) keep that id; a new one otherwise.
   */
  async createNotification(input: NotificationInput, id: string = newId()): Promise<Notification> {
    const parsed = notificationInputSchema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error.issues);
    const { card } = checkedCardActivity(parsed.data.card, parsed.data.title);
    const { scheduledAt, timeZone, origin, ...rest } = parsed.data;
    const status = scheduledAt === undefined ? 'draft' : 'scheduled';
    return this.deps.store.notifications.create({ ...rest, origin: origin as NotificationOrigin | undefined, id, card, status, scheduledAt: scheduledAt ?? null, timeZone: timeZone ?? null }, this.now());
  }

  /** Resolves a draft's audience and reports counts and the estimate, without sending. */
  async previewAudience(notificationId: string): Promise<AudienceReport> {
    const notification = await this.require(notificationId);
    if (notification.status !== 'draft') throw new HeraldError('conflict', `The notification is ${notification.status}; only a draft can be previewed.`);
    return previewAudience(this.startDeps, notification);
  }

  /** Sends now: draft or scheduled → resolving → sending. Resolves with the audience report once sending began. */
  async send(notificationId: string): Promise<AudienceReport> {
    return (await this.startSending(notificationId)).work;
  }

  /**
   * Moves a draft or scheduled notification to `resolving` and returns once it has, with the rest of the work
   * (resolving the audience, then handing it to the dispatcher) as the promise inside: a caller can answer at once
   * and still learn how resolution ended.
   */
  async startSending(notificationId: string): Promise<{ work: Promise<AudienceReport> }> {
    const notification = await this.require(notificationId);
    if (!(await this.statuses.move(notificationId, ['draft', 'scheduled'], 'resolving'))) {
      throw new HeraldError('conflict', `The notification is ${notification.status}; it can be sent only as a draft or while scheduled.`);
    }
    const resolution = resolveThenSend(this.startDeps, notification).then((report) => {
      this.dispatcher.wake({ tenantId: notification.tenantId, notificationId });
      return report;
    });
    // Awaited by whoever wants the report; a caller that does not must not see an unhandled rejection.
    resolution.catch(() => undefined);
    return { work: resolution };
  }

  /** Schedules a draft for a UTC instant; `timeZone` (IANA) is kept for showing it as the author wrote it. */
  async schedule(notificationId: string, scheduledAt: number, timeZone: string | null): Promise<void> {
    await this.require(notificationId);
    await this.deps.store.notifications.update(notificationId, { scheduledAt, timeZone }, this.now());
    if (!(await this.statuses.move(notificationId, ['draft', 'scheduled'], 'scheduled'))) {
      throw new HeraldError('conflict', 'Only a draft can be scheduled.');
    }
  }

  /** Stops a notification: nobody new is messaged (pending/ready → cancelled); sends already in flight finish. */
  async cancel(notificationId: string): Promise<StateCounts> {
    const notification = await this.require(notificationId);
    const open = ['draft', 'scheduled', 'resolving', 'sending'] as const;
    if (!(await this.statuses.move(notificationId, [...open], 'cancelled'))) {
      throw new HeraldError('conflict', `The notification is already ${notification.status}.`);
    }
    this.dispatcher.stopNotification(notificationId);
    await this.deps.store.recipients.cancelOpen(notificationId, this.now());
    return this.deps.store.recipients.counts(notificationId);
  }

  /** Tries failed recipients again (all attempts and the repair allowance restored). Returns how many. */
  async resendFailed(notificationId: string): Promise<number> {
    const { tenantId } = await this.require(notificationId);
    const retried = await this.deps.store.recipients.retryFailed(notificationId, this.now());
    if (retried > 0 && (await this.statuses.move(notificationId, ['completed', 'sending'], 'sending'))) {
      this.dispatcher.wake({ tenantId, notificationId });
    }
    return retried;
  }

  /** Replaces the card and updates it in every chat it was sent to. */
  async edit(notificationId: string, card: unknown): Promise<FollowupReport> {
    const notification = await this.require(notificationId);
    const checked = checkedCardActivity(card, notification.title);
    await this.deps.store.notifications.update(notificationId, { card: checked.card }, this.now());
    return runFollowup(this.ctx, this.deps.store, this.progress, notificationId, 'edit', checked.activity);
  }

  /** Deletes the sent card from every chat. */
  async recall(notificationId: string): Promise<FollowupReport> {
    return (await this.startRecall(notificationId)).work;
  }

  /**
   * → recalled, then deletes the sent card from every chat (the promise inside). One still being sent is cancelled
   * first, so nobody new gets it. Recalling again (after a crash, or to retry deletions that failed) redoes only
   * the chats that still have the card.
   */
  async startRecall(notificationId: string): Promise<{ work: Promise<FollowupReport> }> {
    const notification = await this.require(notificationId);
    if (notification.status !== 'recalled') {
      if (notification.status === 'resolving' || notification.status === 'sending') await this.cancel(notificationId);
      if (!(await this.statuses.move(notificationId, ['completed', 'cancelled'], 'recalled'))) {
        throw new HeraldError('conflict', `The notification is ${notification.status}: only a sent notification can be recalled.`);
      }
    }
    const work = runFollowup(this.ctx, this.deps.store, this.progress, notificationId, 'recall', {});
    work.catch(() => undefined);
    return { work };
  }

  counts(notificationId: string): Promise<StateCounts> {
    return this.deps.store.recipients.counts(notificationId);
  }

  /** The bot calls this on installationUpdate/conversationUpdate; waiting recipients of that user become ready. */
  async recordConversation(event: ConversationEvent): Promise<number> {
    const promoted = await recordConversation(this.deps.store, event, this.now());
    if (promoted > 0) this.dispatcher.wake();
    return promoted;
  }

  /**
   * Posts a card to a team's channel (the General channel when none is named), installing Herald in the team
   * first when it is missing. Checked like any card before anything is sent.
   */
  async postToChannel(input: { tenantId: string; teamId: string; channelId?: string; card: unknown; title: string }): Promise<ChannelPostResult> {
    const { activity } = checkedCardActivity(input.card, input.title);
    return postToChannel(this.ctx, this.deps.directory, this.threads, { tenantId: input.tenantId, teamId: input.teamId, channelId: input.channelId, activity });
  }

  /** One scheduler pass now (tests, and a CLI that wants no timer). */
  runSchedulerOnce(): Promise<number> {
    return this.scheduler.tick();
  }

  private async startScheduled(notification: Notification): Promise<void> {
    if (!(await this.statuses.move(notification.id, ['scheduled'], 'resolving'))) return;
    await resolveThenSend(this.startDeps, notification);
    this.dispatcher.wake({ tenantId: notification.tenantId, notificationId: notification.id });
  }

  private async resolveInBackground(notification: Notification): Promise<void> {
    try {
      await resolveThenSend(this.startDeps, notification);
      this.dispatcher.wake();
    } catch (error) {
      this.ctx.logger.warn({ err: error, notificationId: notification.id }, 'resuming an interrupted audience resolution failed');
    }
  }

  private async require(notificationId: string): Promise<Notification> {
    const notification = await this.deps.store.notifications.get(notificationId);
    if (!notification) throw new HeraldError('not_found', `There is no notification ${notificationId}.`);
    return notification;
  }

  private now(): number {
    return this.ctx.clock.now();
  }
}

function validationError(issues: Array<{ path: (string | number)[]; message: string }>): HeraldError {
  const lines = issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`);
  return new HeraldError('validation_failed', `The notification is not valid: ${lines.join('; ')}`, { details: { issues: lines } });
}
