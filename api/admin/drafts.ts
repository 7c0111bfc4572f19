import { randomUUID } from 'node:crypto';
import type { Authored } from '../../core/admin/admin-store';
import { HeraldError } from '../../core/errors/herald-error';
import type { Notification } from '../../core/notifications/notification';
import type { DraftInput, NotificationStatus, NotificationSummary, NotificationView } from '../contract/notifications';
import type { SignedInUser } from '../auth/sso-verifier';
import type { AdminDeps } from './admin-deps';
import { summaryOf, viewOf } from './notification-views';

const LIST_LIMIT = 200;
/** A notification the engine is working on cannot be deleted: cancel it first. */
const BUSY: NotificationStatus[] = ['scheduled', 'resolving', 'sending'];

/** Drafts and the notification list: what authors wrote, joined with the engine's state. */
export class Drafts {
  constructor(private readonly deps: AdminDeps) {}

  async list(status?: NotificationStatus): Promise<NotificationSummary[]> {
    const authored = await this.deps.admin.authored.list(this.deps.tenantId, LIST_LIMIT);
    const summaries = await Promise.all(
      authored.map(async (item) => {
        const engine = await this.deps.store.notifications.get(item.id);
        return summaryOf(item, engine, engine ? await this.deps.engine.counts(item.id) : undefined);
      }),
    );
    return status ? summaries.filter((summary) => summary.status === status) : summaries;
  }

  async view(id: string): Promise<NotificationView> {
    const { authored, engine } = await this.require(id);
    return viewOf(authored, engine, engine ? await this.deps.engine.counts(id) : undefined);
  }

  async create(user: SignedInUser, input: DraftInput): Promise<NotificationView> {
    const now = this.deps.now();
    const authored: Authored = {
      id: randomUUID(),
      tenantId: this.deps.tenantId,
      title: input.content.title,
      content: input.content,
      audience: input.audience ?? null,
      createdBy: user.upn || user.id,
      createdAt: now,
      updatedAt: now,
    };
    await this.deps.admin.authored.create(authored);
    return viewOf(authored, undefined, undefined);
  }

  async update(id: string, input: DraftInput): Promise<NotificationView> {
    const { engine } = await this.require(id);
    if (engine && engine.status !== 'draft') throw new HeraldError('conflict', `The notification is ${engine.status}; only a draft can be changed (edit the sent card instead).`);
    await this.deps.admin.authored.update(id, { title: input.content.title, content: input.content, audience: input.audience ?? null, updatedAt: this.deps.now() });
    return this.view(id);
  }

  async duplicate(user: SignedInUser, id: string): Promise<NotificationView> {
    const { authored } = await this.require(id);
    return this.create(user, { content: authored.content, audience: authored.audience ?? undefined });
  }

  async remove(user: SignedInUser, id: string): Promise<void> {
    const { authored, engine } = await this.require(id);
    if (engine && BUSY.includes(engine.status)) throw new HeraldError('conflict', `The notification is ${engine.status}; cancel it before deleting it.`);
    await this.deps.admin.authored.remove(id);
    await this.deps.admin.audit.record({ tenantId: this.deps.tenantId, actor: user.upn || user.id, action: 'notification.delete', target: id, details: { title: authored.title, status: engine?.status ?? 'draft' } });
  }

  async require(id: string): Promise<{ authored: Authored; engine: Notification | undefined }> {
    const authored = await this.deps.admin.authored.get(id);
    if (!authored || authored.tenantId !== this.deps.tenantId) throw new HeraldError('not_found', `There is no notification ${id}.`);
    return { authored, engine: await this.deps.store.notifications.get(id) };
  }
}
