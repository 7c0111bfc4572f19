import type { RoleRecord } from '../../core/admin/admin-store';
import { assertMayUse } from '../../core/admin/permissions';
import { buildCard } from '../../core/cards/card-template';
import type { CardContent } from '../../core/cards/card-content';
import { HeraldError } from '../../core/errors/herald-error';
import type { NotificationView, SendInput } from '../contract/notifications';
import type { SignedInUser } from '../auth/sso-verifier';
import type { AdminDeps } from './admin-deps';
import type { Drafts } from './drafts';

/**
 * How long an HTTP call waits for work that can take minutes (resolving 100,000 people, editing every chat):
 * long enough that an early refusal (the app missing from the catalog, a bad card) is answered as an error,
 * short enough that the tab never hangs; after it the work goes on and the report follows it live.
 */
const ANSWER_WITHIN_MS = 2000;

/** Send, schedule, cancel, resend, edit and recall: the engine's operations, permission-checked and audited. */
export class Delivery {
  constructor(
    private readonly deps: AdminDeps,
    private readonly drafts: Drafts,
  ) {}

  async send(user: SignedInUser, role: RoleRecord, id: string, input: SendInput): Promise<NotificationView> {
    const { authored, engine } = await this.drafts.require(id);
    if (engine && engine.status !== 'draft') throw new HeraldError('conflict', `The notification is already ${engine.status}.`);
    // A send whose audience failed to resolve went back to draft: start again from what the author has now.
    if (engine) await this.deps.admin.reports.discardNotification(id);
    if (!authored.audience) throw new HeraldError('validation_failed', 'Choose who receives it first.', { details: { fields: { audience: 'choose at least one recipient, group, team, CSV or everyone' } } });
    assertMayUse(role, authored.audience);
    const scheduledAt = input.scheduledAt === undefined ? undefined : Date.parse(input.scheduledAt);
    if (scheduledAt !== undefined && scheduledAt <= this.deps.now()) {
      throw new HeraldError('validation_failed', 'The scheduled time has passed.', { details: { fields: { scheduledAt: 'choose a time in the future' } } });
    }
    await this.deps.engine.createNotification(
      {
        tenantId: this.deps.tenantId,
        title: authored.title,
        card: buildCard(authored.content, { notificationId: id }),
        audience: authored.audience,
        createdBy: user.upn || user.id,
        scheduledAt,
        timeZone: input.timeZone,
      },
      id,
    );
    await this.deps.contents?.saveContent(id, this.deps.tenantId, authored.content);
    const details = { title: authored.title, audience: describeAudience(authored.audience), ...(input.scheduledAt ? { scheduledAt: input.scheduledAt, timeZone: input.timeZone } : {}) };
    await this.audit(user, input.scheduledAt ? 'notification.schedule' : 'notification.send', id, details);
    if (scheduledAt === undefined) await this.soon(this.deps.engine.send(id), id, 'send');
    return this.drafts.view(id);
  }

  async cancel(user: SignedInUser, id: string): Promise<NotificationView> {
    await this.sentOnly(id);
    const counts = await this.deps.engine.cancel(id);
    await this.audit(user, 'notification.cancel', id, { cancelled: counts.cancelled });
    return this.drafts.view(id);
  }

  async resendFailed(user: SignedInUser, id: string): Promise<NotificationView> {
    await this.sentOnly(id);
    const retried = await this.deps.engine.resendFailed(id);
    await this.audit(user, 'notification.resend', id, { retried });
    return this.drafts.view(id);
  }

  async edit(user: SignedInUser, id: string, content: CardContent): Promise<NotificationView> {
    const { authored } = await this.sentOnly(id);
    if (Boolean(authored.content.poll) !== Boolean(content.poll)) {
      throw new HeraldError('validation_failed', 'A poll cannot be added to or removed from a sent card.', { details: { fields: { 'content.poll': 'keep the poll as it was sent' } } });
    }
    const editing = this.deps.engine.edit(id, buildCard(content, { notificationId: id }));
    await this.deps.admin.authored.update(id, { title: authored.title, content, audience: authored.audience, updatedAt: this.deps.now() });
    await this.deps.contents?.saveContent(id, this.deps.tenantId, content);
    await this.audit(user, 'notification.edit', id, { title: content.title });
    await this.soon(editing, id, 'edit');
    return this.drafts.view(id);
  }

  async recall(user: SignedInUser, id: string): Promise<NotificationView> {
    await this.sentOnly(id);
    await this.audit(user, 'notification.recall', id, {});
    await this.soon(this.deps.engine.recall(id), id, 'recall');
    return this.drafts.view(id);
  }

  private async sentOnly(id: string) {
    const found = await this.drafts.require(id);
    if (!found.engine || found.engine.status === 'draft') throw new HeraldError('conflict', 'The notification is a draft: it has not been sent.');
    return found;
  }

  /** Waits for `work` up to ANSWER_WITHIN_MS: a failure by then is the answer; a later one is logged. */
  private async soon(work: Promise<unknown>, notificationId: string, operation: string): Promise<void> {
    let late = false;
    const settled = work.then(
      () => undefined,
      (error: unknown) => {
        if (!late) throw error;
        this.deps.log.warn({ err: error, notificationId, operation }, 'a background operation failed');
      },
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ANSWER_WITHIN_MS)));
    try {
      await Promise.race([settled, timeout]);
    } finally {
      late = true;
      clearTimeout(timer);
    }
  }

  private audit(user: SignedInUser, action: string, target: string, details: Record<string, unknown>): Promise<void> {
    return this.deps.admin.audit.record({ tenantId: this.deps.tenantId, actor: user.upn || user.id, action, target, details });
  }
}

/** The audience in the audit log: kinds, ids and labels, never CSV contents. */
function describeAudience(audience: NonNullable<import('../../core/admin/admin-store').Authored['audience']>): Record<string, unknown> {
  const describe = (source: (typeof audience.include)[number]) =>
    source.kind === 'everyone' ? 'everyone' : source.kind === 'csv' ? `csv${source.label ? `:${source.label}` : ''}` : `${source.kind}:${source.label ?? source.id}`;
  return { include: audience.include.map(describe), exclude: audience.exclude.map(describe), includeGuests: audience.includeGuests };
}
