import { cardActivity } from '../cards/card-activity';
import { OPEN_STATES } from '../recipients/recipient';
import type { Outcome } from '../store/outcomes';
import type { ClaimedRecipient, Store } from '../store/store';
import { CompletionBuffer } from './completion-buffer';
import type { ProgressHub } from './progress';
import { installForRecipient, sendToRecipient } from './recipient-work';
import type { WorkContext } from './work-context';

type Work = 'send' | 'install';

/**
 * One per process. Claims due recipients of every sending notification in batches and runs installs and sends
 * side by side (each with its own in-flight cap), so a slow install never holds up people who can be messaged
 * now, and a recipient whose install completes is sent on the next claim.
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
  /** The activity of each sending notification, rebuilt when the notification changes (an edit). */
  private readonly activities = new Map<string, { updatedAt: number; activity: Record<string, unknown> }>();
  private readonly buffer: CompletionBuffer;
  /** Notifications stopped (cancelled) since their rows were claimed: queued calls for them are not made. */
  private readonly stopped = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly ctx: WorkContext,
    private readonly progress: ProgressHub,
  ) {
    const { flushIntervalMs: intervalMs, flushBatch: batch } = ctx.config;
    this.buffer = new CompletionBuffer(store.recipients, { intervalMs, batch, logger: ctx.logger, onFlushed: (done) => this.flushed(done) });
  }

  async start(): Promise<void> {
    if (this.running) return;
    if (this.ctx.config.resumeInFlightOnStart) {
      const resumed = await this.store.recipients.releaseInFlight();
      if (resumed > 0) this.ctx.logger.warn({ resumed }, 'resuming recipients that were in flight when the last run stopped');
    }
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming, lets in-flight work finish and writes every outcome. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await Promise.all([...this.tasks]);
    await this.buffer.flush();
  }

  /** Stops as a crash would: outcomes not yet written are lost. For tests of resume-after-crash. */
  async halt(): Promise<void> {
    this.running = false;
    this.buffer.discard();
    this.wake();
    await this.loop;
    await Promise.all([...this.tasks]);
  }

  /** A notification was cancelled here: calls still waiting for a rate-limit slot are dropped. */
  stopNotification(notificationId: string): void {
    this.stopped.add(notificationId);
  }

  /** Look for work now (a notification started, a conversation arrived). */
  wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        const idle: string[] = [];
        const sending = await this.store.notifications.sendingVersions();
        this.noticeStopped(sending.map((notification) => notification.id));
        for (const notification of sending) {
          const taken = await this.claimFor(notification.id, await this.activityOf(notification));
          if (taken === 0) idle.push(notification.id);
          claimed += taken;
        }
        // Only a notification with nothing due can be finished; counting the others would waste a scan per pass.
        await this.completeFinished(idle);
      } catch (error) {
        this.ctx.logger.error({ err: error }, 'dispatcher pass failed; retrying');
      }
      if (claimed === 0 || this.full()) await this.idle();
    }
  }

  private async claimFor(notificationId: string, activity: Record<string, unknown> | undefined): Promise<number> {
    if (!activity) return 0;
    let claimed = 0;
    for (const work of ['send', 'install'] as const) {
      const room = Math.min(this.ctx.config.claimBatch, this.capacity(work) - this.inFlight[work]);
      if (room <= 0 || !this.running) continue;
      const now = this.ctx.clock.now();
      const rows = await this.store.recipients.claim(notificationId, work, room, now, this.ctx.config.leaseMs);
      for (const row of rows) this.launch(work, notificationId, row, activity);
      claimed += rows.length;
    }
    return claimed;
  }

  private launch(work: Work, notificationId: string, recipient: ClaimedRecipient, activity: Record<string, unknown>): void {
    this.inFlight[work] += 1;
    this.settle(notificationId, +1);
    const isActive = () => !this.stopped.has(notificationId);
    const run = work === 'send' ? sendToRecipient(this.ctx, recipient, activity, isActive) : installForRecipient(this.ctx, recipient, isActive);
    const task = run
      .then((outcome) => {
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
        if (this.capacity(work) - this.inFlight[work] >= Math.max(1, this.capacity(work) / 4)) this.wake();
      });
    this.tasks.add(task);
  }

  private async completeFinished(idleIds: string[]): Promise<void> {
    for (const notificationId of idleIds) {
      if ((this.unsettled.get(notificationId) ?? 0) > 0) continue;
      const counts = await this.store.recipients.counts(notificationId);
      if (OPEN_STATES.some((state) => counts[state] > 0)) continue;
      if (await this.store.notifications.transition(notificationId, ['sending'], 'completed', this.ctx.clock.now())) {
        this.activities.delete(notificationId);
        this.ctx.logger.info({ notificationId, ...counts }, 'notification delivered');
        this.progress.emit({ type: 'progress', notificationId, counts, at: this.ctx.clock.now() });
        this.progress.status(notificationId, 'completed');
      }
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

  private async activityOf(version: { id: string; updatedAt: number }): Promise<Record<string, unknown> | undefined> {
    const cached = this.activities.get(version.id);
    if (cached && cached.updatedAt === version.updatedAt) return cached.activity;
    const notification = await this.store.notifications.get(version.id);
    if (!notification) return undefined;
    const activity = cardActivity(notification.card, notification.title);
    this.activities.set(version.id, { updatedAt: notification.updatedAt, activity });
    return activity;
  }

  private capacity(work: Work): number {
    return work === 'send' ? this.ctx.config.maxSendsInFlight : this.ctx.config.maxInstallsInFlight;
  }

  private full(): boolean {
    return this.inFlight.send >= this.capacity('send') && this.inFlight.install >= this.capacity('install');
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake(), this.ctx.config.pollIntervalMs);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
