import { randomUUID } from 'node:crypto';
import type { RoleRecord } from '../admin/admin-store';
import type { AudienceReport } from '../audience/audience-report';
import type { AudienceSpec } from '../audience/audience-spec';
import { describeAudience } from '../audit/describe-audience';
import { actorName, type Actor } from '../authority/actor';
import type { Authority } from '../authority/authority';
import { cardContentSchema, type CardContent } from '../cards/card-content';
import { checkedCardActivity } from '../cards/card-activity';
import { buildCard } from '../cards/card-template';
import type { FollowupReport } from '../delivery/followups';
import type { ChannelPostResult } from '../channels/post-to-channel';
import type { BroadcastEngine } from '../engine/broadcast-engine';
import { HeraldError } from '../errors/herald-error';
import type { StateCounts } from '../recipients/recipient';
import { surveyCard, surveySchema, type SurveyInput } from '../responses/survey';
import type { Clock } from '../shared/clock';
import type { Store } from '../store/store';
import type { Notification } from './notification';
import { refusal, type NotificationAction } from './notification-actions';
import { readState, type NotificationState } from './notification-state';

export type { NotificationState } from './notification-state';

/** What an author writes: fields (the tab, the compose box) or a whole card (a card file) with its title. */
export type Written = { content: CardContent } | { card: unknown; title: string };

/** Long work that the caller may wait for (the command line) or only briefly (an HTTP answer). */
export interface Started<T> {
  state: NotificationState;
  work: Promise<T> | null;
}

export interface NotificationServiceDeps {
  store: Store;
  engine: BroadcastEngine;
  authority: Authority;
  clock: Clock;
}

const LIST_LIMIT = 200;

/**
 * Every way of acting on a notification, for every entry point (the tab's API, the command line, the bot): each
 * use case takes an actor, checks their authority and the notification's state in one place, does the work
 * through the engine, and writes the audit entry.
 */
export class NotificationService {
  constructor(private readonly deps: NotificationServiceDeps) {}

  /** Who may do what: the one place that decides, for routes that are not a notification's use case too. */
  get authority(): Authority {
    return this.deps.authority;
  }

  /** An administrator's list holds everyone's notifications; a sender's their own. Newest first. */
  async list(actor: Actor, status?: Notification['status']): Promise<NotificationState[]> {
    const role = await this.deps.authority.requireSender(actor);
    // A sender's own: by object id, and by UPN for notifications written before owners had ids (migration 0005).
    const owners = role.role === 'admin' ? undefined : [actor.userId, actor.upn];
    const found = await this.deps.store.notifications.list(actor.tenantId, LIST_LIMIT, owners);
    const mine = found.filter((notification) => this.deps.authority.isOwnerOrAdmin(role, actor, notification) && (!status || notification.status === status));
    return Promise.all(mine.map((notification) => this.stateOf(notification)));
  }

  async get(actor: Actor, id: string): Promise<NotificationState> {
    return this.stateOf(await this.read(actor, id));
  }

  /**
   * The notification, if the actor may see it, without its counts: for reads that bring their own (a page of
   * recipients, the export, the report's stream), so a 100,000-person notification is not counted per page.
   */
  async read(actor: Actor, id: string): Promise<Notification> {
    return (await this.require(actor, id)).notification;
  }

  async createDraft(actor: Actor, input: Written & { audience: AudienceSpec | null }): Promise<NotificationState> {
    // A draft may name any audience (its author may be asking an administrator to send it); sending checks the kinds.
    await this.deps.authority.requireSender(actor);
    const notification = await this.create(actor, input, input.audience);
    await this.audit(actor, 'notification.create', notification.id, { title: notification.title });
    return this.stateOf(notification);
  }

  async updateDraft(actor: Actor, id: string, input: { content: CardContent; audience: AudienceSpec | null }): Promise<NotificationState> {
    const { notification } = await this.require(actor, id, 'update');
    const { card } = checkedCardActivity(buildCard(input.content, { notificationId: id, acknowledgeBy: await this.deadlineOf(id) }), input.content.title);
    await this.deps.store.notifications.update(id, { title: input.content.title, content: input.content, card, audience: input.audience }, this.now());
    await this.audit(actor, 'notification.update', id, { title: input.content.title, before: notification.title === input.content.title ? undefined : notification.title });
    return this.get(actor, id);
  }

  /** Counts and the estimate for an audience, resolved exactly as a send would, without anyone's notification. */
  async previewAudience(actor: Actor, audience: AudienceSpec): Promise<AudienceReport> {
    const role = await this.deps.authority.requireSender(actor);
    this.deps.authority.assertMayUse(role, audience);
    // The resolver de-duplicates in recipient rows (never the whole tenant in memory), so it needs a notification.
    const id = `preview-${randomUUID()}`;
    const content = cardContentSchema.parse({ title: 'Audience preview' });
    await this.deps.engine.createNotification({ tenantId: actor.tenantId, title: content.title, card: buildCard(content, { notificationId: id }), audience, createdBy: actorName(actor) }, id);
    try {
      return await this.deps.engine.previewAudience(id);
    } finally {
      await this.deps.store.reports.discardNotification(id);
    }
  }

  /** Sends a draft now (the work: resolving the audience, then delivery begins), or schedules it. */
  async send(actor: Actor, id: string, input: { scheduledAt?: number; timeZone?: string } = {}): Promise<Started<AudienceReport>> {
    const { role, notification } = await this.require(actor, id, 'send');
    const audience = notification.audience;
    if (!audience) throw new HeraldError('validation_failed', 'Choose who receives it first.', { details: { fields: { audience: 'Choose at least one person, group, team, CSV list or everyone.' } } });
    this.deps.authority.assertMayUse(role, audience);
    return this.start(actor, notification, audience, input);
  }

  /**
   * A team owner's compose-box announcement, delivered 1:1 to every member of the team: allowed by a Herald role
   * that may send to teams, or by the tenant's policy for owners (the Authority decides).
   */
  async announceToTeam(actor: Actor, input: { teamId: string; teamName: string; content: CardContent; isTeamOwner: boolean }): Promise<Started<AudienceReport>> {
    await this.deps.authority.assertMayMessageTeamMembers(actor, input.isTeamOwner);
    const audience: AudienceSpec = { include: [{ kind: 'team', id: input.teamId, label: input.teamName }], exclude: [], includeGuests: false };
    const notification = await this.create(actor, { content: input.content }, audience);
    return this.start(actor, notification, audience, {});
  }

  /**
   * Posts a card to a team's channel (the General channel when none is named) as the actor: a sender whose role
   * may send to teams, or an administrator. Audited like a compose-box post.
   */
  async postToChannel(actor: Actor, input: { teamId: string; channelId?: string; written: Written }): Promise<ChannelPostResult> {
    const role = await this.deps.authority.requireSender(actor);
    this.deps.authority.assertMayUse(role, { include: [{ kind: 'team', id: input.teamId }], exclude: [], includeGuests: false });
    const { written } = input;
    const title = 'content' in written ? written.content.title : written.title;
    const card = 'content' in written ? buildCard(written.content, { notificationId: '' }) : written.card;
    const result = await this.deps.engine.postToChannel({ tenantId: actor.tenantId, teamId: input.teamId, channelId: input.channelId, card, title });
    await this.deps.store.audit.record({
      tenantId: actor.tenantId,
      actor: actorName(actor),
      action: 'announcement.post',
      target: `team:${input.teamId}`,
      details: { title, channelId: result.conversationId, activityId: result.activityId, installed: result.installed, actorId: actor.userId, via: actor.origin },
    });
    return result;
  }

  /** Refuses, with the sentence the dialog shows, an announcement to every member the actor may not make. */
  checkAnnounceToTeam(actor: Actor, isTeamOwner: boolean): Promise<void> {
    return this.deps.authority.assertMayMessageTeamMembers(actor, isTeamOwner);
  }

  /** A survey: its card is the first question; the bot asks the rest in each recipient's chat. Created as a draft. */
  async createSurvey(actor: Actor, input: { survey: SurveyInput; audience: AudienceSpec }): Promise<NotificationState> {
    const role = await this.deps.authority.requireSender(actor);
    this.deps.authority.assertMayUse(role, input.audience);
    const parsed = surveySchema.safeParse(input.survey);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'survey'}: ${issue.message}`);
      throw new HeraldError('validation_failed', `The survey is not valid: ${issues.join('; ')}`, { details: { issues } });
    }
    const notification = await this.deps.engine.createNotification({
      tenantId: actor.tenantId,
      title: parsed.data.title,
      card: surveyCard(parsed.data),
      survey: parsed.data,
      audience: input.audience,
      ...this.ownership(actor),
      origin: 'survey',
    });
    await this.audit(actor, 'notification.create', notification.id, { title: notification.title, survey: true });
    return this.stateOf(notification);
  }

  async cancel(actor: Actor, id: string): Promise<{ state: NotificationState; counts: StateCounts }> {
    await this.require(actor, id, 'cancel');
    const counts = await this.deps.engine.cancel(id);
    await this.audit(actor, 'notification.cancel', id, { cancelled: counts.cancelled, alreadySent: counts.sent });
    return { state: await this.get(actor, id), counts };
  }

  async resendFailed(actor: Actor, id: string): Promise<{ state: NotificationState; retried: number }> {
    const { role, notification } = await this.require(actor, id, 'resendFailed');
    if (notification.audience) this.deps.authority.assertMayUse(role, notification.audience);
    const retried = await this.deps.engine.resendFailed(id);
    await this.audit(actor, 'notification.resend', id, { retried });
    return { state: await this.get(actor, id), retried };
  }

  /** Replaces the sent card in every chat that has it. A poll cannot be added to or removed from a sent card. */
  async edit(actor: Actor, id: string, written: Written): Promise<Started<FollowupReport>> {
    const { role, notification } = await this.require(actor, id, 'edit');
    if (notification.audience) this.deps.authority.assertMayUse(role, notification.audience);
    const content = 'content' in written ? written.content : null;
    if (content && notification.content && Boolean(content.poll) !== Boolean(notification.content.poll)) {
      throw new HeraldError('validation_failed', 'A poll cannot be added to or removed from a sent card.', { details: { fields: { 'content.poll': 'Keep the poll as it was sent.' } } });
    }
    const card = content ? buildCard(content, { notificationId: id, acknowledgeBy: await this.deadlineOf(id) }) : (written as { card: unknown }).card;
    const title = content ? content.title : (written as { title: string }).title;
    await this.deps.store.notifications.update(id, { title, content, editedAt: this.now() }, this.now());
    const work = this.deps.engine.edit(id, card);
    await this.audit(actor, 'notification.edit', id, { title, before: notification.title === title ? undefined : notification.title });
    return { state: await this.get(actor, id), work };
  }

  /** Deletes the sent card from every chat; the notification is `recalled` from then on. */
  async recall(actor: Actor, id: string): Promise<Started<FollowupReport>> {
    await this.require(actor, id, 'recall');
    const { work } = await this.deps.engine.startRecall(id);
    await this.audit(actor, 'notification.recall', id, {});
    return { state: await this.get(actor, id), work };
  }

  /** Deletes a notification with its report and answers (never one being sent: cancel it first). */
  async remove(actor: Actor, id: string): Promise<void> {
    const { notification } = await this.require(actor, id, 'delete');
    await this.deps.store.reports.discardNotification(id);
    await this.audit(actor, 'notification.delete', id, { title: notification.title, status: notification.status });
  }

  /** A new draft of the actor's own with the same content and audience. */
  async duplicate(actor: Actor, id: string): Promise<NotificationState> {
    const { notification } = await this.require(actor, id, 'duplicate');
    const copy = await this.createDraft(actor, { content: notification.content!, audience: notification.audience });
    await this.audit(actor, 'notification.duplicate', id, { copy: copy.notification.id });
    return copy;
  }

  private async start(actor: Actor, notification: Notification, audience: AudienceSpec, input: { scheduledAt?: number; timeZone?: string }): Promise<Started<AudienceReport>> {
    const { id } = notification;
    if (input.scheduledAt !== undefined && input.scheduledAt <= this.now()) {
      throw new HeraldError('validation_failed', 'The scheduled time has passed.', { details: { fields: { scheduledAt: 'Choose a time in the future.' } } });
    }
    const details = { title: notification.title, origin: notification.origin, audience: describeAudience(audience) };
    if (input.scheduledAt !== undefined) {
      await this.deps.engine.schedule(id, input.scheduledAt, input.timeZone ?? null);
      await this.audit(actor, 'notification.schedule', id, { ...details, scheduledAt: new Date(input.scheduledAt).toISOString(), timeZone: input.timeZone ?? 'UTC' });
      return { state: await this.reread(id), work: null };
    }
    if (input.timeZone) await this.deps.store.notifications.update(id, { timeZone: input.timeZone }, this.now());
    const { work } = await this.deps.engine.startSending(id);
    await this.audit(actor, 'notification.send', id, details);
    return { state: await this.reread(id), work };
  }

  private async create(actor: Actor, written: Written, audience: AudienceSpec | null): Promise<Notification> {
    const id = randomUUID();
    const content = 'content' in written ? written.content : null;
    return this.deps.engine.createNotification(
      {
        tenantId: actor.tenantId,
        title: content ? content.title : (written as { title: string }).title,
        card: content ? buildCard(content, { notificationId: id }) : (written as { card: unknown }).card,
        content,
        audience,
        ...this.ownership(actor),
      },
      id,
    );
  }

  private ownership(actor: Actor) {
    return { createdBy: actorName(actor), owner: { id: actor.userId, upn: actor.upn }, origin: actor.origin };
  }

  /** The notification, if the actor may see it; and, given an action, refuses it unless the state allows it now. */
  private async require(actor: Actor, id: string, action?: NotificationAction): Promise<{ role: RoleRecord; notification: Notification }> {
    const role = await this.deps.authority.requireSender(actor);
    const notification = await this.deps.store.notifications.get(id);
    if (!notification || notification.tenantId !== actor.tenantId || id.startsWith('preview-')) throw new HeraldError('not_found', 'There is no such notification: it may have been deleted.');
    this.deps.authority.assertMayActOn(role, actor, notification);
    if (action && !(await this.stateOf(notification)).actions.includes(action)) throw new HeraldError('conflict', refusal(notification, action));
    return { role, notification };
  }

  /** The follow-up plan's acknowledge-by deadline, which a rebuilt card keeps showing (core/followups). */
  private async deadlineOf(id: string): Promise<number | null> {
    return (await this.deps.store.followups.get(id))?.plan.acknowledgeBy ?? null;
  }

  private async reread(id: string): Promise<NotificationState> {
    const notification = await this.deps.store.notifications.get(id);
    if (!notification) throw new HeraldError('not_found', 'There is no such notification: it may have been deleted.');
    return this.stateOf(notification);
  }

  private stateOf(notification: Notification): Promise<NotificationState> {
    return readState(this.deps.store, notification);
  }

  private audit(actor: Actor, action: string, target: string, details: Record<string, unknown>): Promise<void> {
    return this.deps.store.audit.record({ tenantId: actor.tenantId, actor: actorName(actor), action, target, details: { ...details, actorId: actor.userId, via: actor.origin } });
  }

  private now(): number {
    return this.deps.clock.now();
  }
}
