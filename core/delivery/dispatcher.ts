import { OPEN_STATES } from '../recipients/recipient';
import type { DueNotice, WorkQueuePort } from '../ports/work-queue';
import type { Outcome } from '../store/outcomes';
import type { ClaimedRecipient, Store } from '../store/store';
import { ActivityCache, type Activity } from './activity-cache';
import { CompletionBuffer } from './completion-buffer';
import { DeliveryLease } from './delivery-lease';
import type { ProgressHub } from './progress';
import { StatusChanges } from '../notifications/status-changes';
import { installForRecipient, sendToRecipient } from './recipient-work';
import type { WorkContext } from './work-context';

type Work = 'send' | 'install';

/**
 * One per process. Claims due recipients of every sending notification in batches and runs installs and sends
 * side by side (each with its own in-flight cap), so a slow install never holds up people who can be messaged
 * now, and a recipient whose install completes is sent on the next claim. Outside scale-out it claims only while
 * it holds the delivery lease (delivery-lease.ts); each notification's activity is built once (activity-cache.ts).
 */
export class Dispatcher {
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private readonly tasks = new Set<Promise<void>>();
  private readonly inFlight: Record<Work, number> = { send: 0, install: 0 };
  /** Recipients launched and not yet written back, per notification: a notification is complete only at 0. */
  private readonly unsettled = new Map<string, number>();
  private readonly owners = new Map<Outcome, string>();
  private readonly activities: ActivityCache;
  private readonly statuses: StatusChanges;
  private readonly buffer: CompletionBuffer;
  /** Absent in scale-out, where every worker delivers. */
  private readonly lease: DeliveryLease | undefined;
  /** Notifications stopped (cancelled) since their rows were claimed: queued calls for them are not made. */
  private readonly stopped = new Set<string>();
  /** Set by `stop({ handBack: true })`: calls still waiting for a rate-limit slot give their rows back. */
  private handingBack = false;
  /** Rotates which notification claims first, so rounding never favours the oldest one. */
  private turn = 0;

  constructor(
    private readonly store: Store,
    private readonly ctx: WorkContext,
    private readonly progress: ProgressHub,
    /** This process's name in lease rows. */
    holder: string,
    /** Wakes other servers when work becomes due (scale-out); SQL polling alone works without it. */
    private readonly queue?: WorkQueuePort,
  ) {
    const { clock, logger, config } = ctx;
    this.buffer = new CompletionBuffer(store.recipients, { intervalMs: config.flushIntervalMs, batch: config.flushBatch, clock, logger, onFlushed: (done) => this.flushed(done) });
    this.activities = new ActivityCache(store.notifications);
    this.statuses = new StatusChanges(store, progress, clock);
    this.lease = config.oneDeliverer ? new DeliveryLease(store, { clock, logger, holder, ttlMs: config.deliveryLeaseMs }) : undefined;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
    await this.queue?.start(() => this.wake()).catch((error: unknown) => {
      this.ctx.logger.warn({ err: error }, 'the work queue is unreachable; polling the database until it is back');
    });
  }

  /**
   * Stops claiming, lets in-flight work finish and writes every outcome. With `handBack`, rows still waiting for a
   * rate-limit slot go back to the database as due at once (another worker takes them); calls on the wire finish.
   */
  async stop(options: { handBack?: boolean } = {}): Promise<void> {
    this.running = false;
    this.handingBack = options.handBack ?? false;
    this.wake();
    await this.queue?.stop().catch(() => undefined);
    await this.loop;
    await Promise.all([...this.tasks]);
    await this.buffer.flush();
    await this.lease?.release();
  }

  /** Stops as a crash would: outcomes not yet written are lost. For tests of resume-after-crash. */
  /** Stops like a crash; returns how many answered calls it dropped unwritten (each may be sent again on resume). */
  async halt(): Promise<number> {
    this.running = false;
    const dropped = this.buffer.discard();
    this.wake();
    await this.loop;
    await Promise.all([...this.tasks]);
    return dropped;
  }

  /** A notification was cancelled here: calls still waiting for a rate-limit slot are dropped. */
  stopNotification(notificationId: string): void {
    this.stopped.add(notificationId);
  }

  /** Look for work now (a notification started, a conversation arrived); with a notice, other servers look too. */
  wake(notice?: DueNotice): void {
    if (notice) this.announce(notice);
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        if (this.lease && !(await this.lease.mayDeliver())) {
          await this.idle();
          continue;
        }
        const idle: string[] = [];
        const sending = this.mine(await this.store.notifications.sendingVersions());
        const sendingIds = sending.map((notification) => notification.id);
        this.noticeStopped(sendingIds);
        this.activities.keepOnly(sendingIds);
        for (let index = 0; index < sending.length; index += 1) {
          const notification = sending[(index + this.turn) % sending.length]!;
          const taken = await this.claimFor(notification, await this.activities.of(notification), sending.length - index);
          if (taken === 0) idle.push(notification.id);
          claimed += taken;
        }
        this.turn += 1;
        // Only a notification with nothing due can be finished; counting the others would waste a scan per pass.
        await this.completeFinished(idle);
      } catch (error) {
        this.ctx.logger.error({ err: error }, 'dispatcher pass failed; retrying');
      }
      if (claimed === 0 || this.full()) await this.idle();
    }
  }

  /**
   * Claims for one notification its fair share of the free in-flight room: the room left divided among the
   * notifications still to claim this pass, so a large broadcast never starves a small one started after it.
   */
  private async claimFor(notice: { id: string; tenantId: string }, activity: Activity | undefined, sharers: number): Promise<number> {
    if (!activity) return 0;
    let claimed = 0;
    for (const work of ['send', 'install'] as const) {
      const free = this.capacity(work) - this.inFlight[work];
      const room = Math.min(this.ctx.config.claimBatch, Math.ceil(free / sharers));
      if (room <= 0 || !this.running) continue;
      const now = this.ctx.clock.now();
      const rows = await this.store.recipients.claim(notice.id, work, room, now, this.ctx.config.leaseMs);
      for (const row of rows) this.launch(work, notice.id, row, activity);
      claimed += rows.length;
      // A full batch means more is due than this server has room for: wake another one.
      if (rows.length === room) this.announce({ tenantId: notice.tenantId, notificationId: notice.id });
    }
    return claimed;
  }

  private launch(work: Work, notificationId: string, recipient: ClaimedRecipient, activity: Activity): void {
    this.inFlight[work] += 1;
    this.settle(notificationId, +1);
    // A call not yet made when the row's lease is about to run out is dropped: another worker may own the row by
    // the time the call lands (a long Retry-After pause, a slow queue of slots), and writing anything would undo it.
    const { leaseMs } = this.ctx.config;
    const deadline = this.ctx.clock.now() + leaseMs - Math.min(leaseMs / 4, 30_000);
    let lapsed = false;
    const isActive = () => {
      lapsed = this.ctx.clock.now() >= deadline;
      return !lapsed && !this.handingBack && !this.stopped.has(notificationId);
    };
    const run = work === 'send' ? sendToRecipient(this.ctx, recipient, activity, isActive) : installForRecipient(this.ctx, recipient, isActive);
    const task = run
      .then((outcome) => {
        if (lapsed) {
          this.ctx.logger.warn({ recipientId: recipient.id, notificationId }, 'a claimed recipient waited past its lease; left to whoever claims it next');
          this.settle(notificationId, -1);
          return;
        }
        this.owners.set(outcome, notificationId);
        this.buffer.add(outcome);
      })
      .catch((error: unknown) => {
        this.ctx.logger.error({ err: error, recipientId: recipient.id }, 'recipient work crashed; its lease will expire');
        this.settle(notificationId, -1);
      })
      .finally(() => {
        this.tasks.delete(task);
        this.inFlight[work] -= 1;
        // Wake when a useful batch can be claimed, not on every completion: claims are round trips.
        if (this.capacity(work) - this.inFlight[work] >= Math.max(1, this.capacity(work) / 2)) this.wake();
      });
    this.tasks.add(task);
  }

  private async completeFinished(idleIds: string[]): Promise<void> {
    for (const notificationId of idleIds) {
      if ((this.unsettled.get(notificationId) ?? 0) > 0) continue;
      const counts = await this.store.recipients.counts(notificationId);
      if (OPEN_STATES.some((state) => counts[state] > 0)) continue;
      // The final counts go out before the status, so a report that ends at 'completed' shows them.
      this.progress.emit({ type: 'progress', notificationId, counts, at: this.ctx.clock.now() });
      if (await this.statuses.move(notificationId, ['sending'], 'completed')) this.ctx.logger.info({ notificationId, ...counts }, 'notification delivered');
    }
  }

  private flushed(outcomes: Outcome[]): void {
    for (const outcome of outcomes) {
      const notificationId = this.owners.get(outcome);
      if (notificationId === undefined) continue;
      this.owners.delete(outcome);
      this.settle(notificationId, -1);
      this.progress.markDirty(notificationId);
    }
    // Retries, installs and repairs make new work due (soon or now); look for it.
    if (outcomes.some((outcome) => outcome.kind !== 'sent')) this.wake();
  }

  /** Notifications with work here that are no longer sending were stopped elsewhere (another server's cancel). */
  private noticeStopped(sendingIds: string[]): void {
    const sending = new Set(sendingIds);
    for (const notificationId of this.unsettled.keys()) if (!sending.has(notificationId)) this.stopped.add(notificationId);
    for (const notificationId of this.stopped) if (sending.has(notificationId)) this.stopped.delete(notificationId);
  }

  private settle(notificationId: string, by: number): void {
    const left = (this.unsettled.get(notificationId) ?? 0) + by;
    if (left > 0) this.unsettled.set(notificationId, left);
    else this.unsettled.delete(notificationId);
  }

  /** The notifications of tenants this process delivers for. */
  private mine<T extends { tenantId: string }>(sending: T[]): T[] {
    const tenants = this.ctx.config.deliverTenants;
    return tenants ? sending.filter((notification) => tenants.includes(notification.tenantId)) : sending;
  }

  private announce(notice: DueNotice): void {
    this.queue?.announce(notice).catch((error: unknown) => {
      this.ctx.logger.debug({ err: error, notificationId: notice.notificationId }, 'could not announce due work; servers will find it by polling');
    });
  }

  private capacity(work: Work): number {
    return work === 'send' ? this.ctx.config.maxSendsInFlight : this.ctx.config.maxInstallsInFlight;
  }

  private full(): boolean {
    return this.inFlight.send >= this.capacity('send') && this.inFlight.install >= this.capacity('install');
  }

  /** Waits for a wake-up, or at most `pollIntervalMs` (work that became due with nobody to wake this process). */
  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const cancelPoll = this.ctx.clock.setTimer(this.ctx.config.pollIntervalMs, () => this.wake());
      this.wakeUp = () => {
        cancelPoll();
        resolve();
      };
    });
  }
}
