import type { Kysely } from 'kysely';
import type { Notification, NewNotification, NotificationStatus } from '../../core/notifications/notification';
import type { NotificationStore } from '../../core/store/store';
import { toNotification } from './row-mappers';
import type { Database } from './schema';

export class NotificationRepo implements NotificationStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: NewNotification, now: number): Promise<Notification> {
    await this.db
      .insertInto('notifications')
      .values({
        id: input.id,
        tenant_id: input.tenantId,
        title: input.title,
        card: JSON.stringify(input.card),
        audience: JSON.stringify(input.audience),
        status: input.status ?? 'draft',
        created_by: input.owner?.upn || input.createdBy,
        owner_id: input.owner?.id ?? input.createdBy,
        origin: input.origin ?? 'api',
        content: input.content ? JSON.stringify(input.content) : null,
        survey: input.survey ? JSON.stringify(input.survey) : null,
        edited_at: null,
        recalled_at: null,
        scheduled_at: input.scheduledAt ?? null,
        time_zone: input.timeZone ?? null,
        audience_report: null,
        created_at: now,
        updated_at: now,
        started_at: null,
        completed_at: null,
      })
      .execute();
    const created = await this.get(input.id);
    if (!created) throw new Error(`notification ${input.id} vanished right after it was written`);
    return created;
  }

  async get(id: string): Promise<Notification | undefined> {
    const row = await this.db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toNotification(row);
  }

  async list(tenantId: string, limit: number, ownerIds?: string[]): Promise<Notification[]> {
    let query = this.db.selectFrom('notifications').selectAll().where('tenant_id', '=', tenantId);
    if (ownerIds !== undefined) query = query.where('owner_id', 'in', ownerIds);
    // Scratch notifications of audience previews are nobody's.
    const rows = await query.where('id', 'not like', 'preview-%').orderBy('created_at', 'desc').limit(limit).execute();
    return rows.map(toNotification);
  }

  async withStatus(status: NotificationStatus): Promise<Notification[]> {
    const rows = await this.db.selectFrom('notifications').selectAll().where('status', '=', status).orderBy('created_at').execute();
    return rows.map(toNotification);
  }

  async sendingVersions(): Promise<Array<{ id: string; updatedAt: number; tenantId: string }>> {
    const rows = await this.db.selectFrom('notifications').select(['id', 'updated_at', 'tenant_id']).where('status', '=', 'sending').orderBy('created_at').execute();
    return rows.map((row) => ({ id: row.id, updatedAt: Number(row.updated_at), tenantId: row.tenant_id }));
  }

  async dueScheduled(now: number, limit: number): Promise<Notification[]> {
    const rows = await this.db
      .selectFrom('notifications')
      .selectAll()
      .where('status', '=', 'scheduled')
      .where('scheduled_at', '<=', now)
      .orderBy('scheduled_at')
      .limit(limit)
      .execute();
    return rows.map(toNotification);
  }

  async transition(id: string, from: NotificationStatus[], to: NotificationStatus, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('notifications')
      .set((eb) => ({
        status: to,
        updated_at: now,
        started_at: to === 'sending' ? eb.fn.coalesce('started_at', eb.val(now)) : eb.ref('started_at'),
        completed_at: to === 'completed' || to === 'cancelled' ? now : to === 'sending' ? null : eb.ref('completed_at'),
        recalled_at: to === 'recalled' ? now : eb.ref('recalled_at'),
      }))
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async update(id: string, patch: Parameters<NotificationStore['update']>[1], now: number): Promise<void> {
    const set: Record<string, unknown> = { updated_at: now };
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.card !== undefined) set.card = JSON.stringify(patch.card);
    if (patch.content !== undefined) set.content = patch.content === null ? null : JSON.stringify(patch.content);
    if (patch.editedAt !== undefined) set.edited_at = patch.editedAt;
    if (patch.audience !== undefined) set.audience = JSON.stringify(patch.audience);
    if (patch.audienceReport !== undefined) set.audience_report = patch.audienceReport === null ? null : JSON.stringify(patch.audienceReport);
    if (patch.scheduledAt !== undefined) set.scheduled_at = patch.scheduledAt;
    if (patch.timeZone !== undefined) set.time_zone = patch.timeZone;
    await this.db.updateTable('notifications').set(set).where('id', '=', id).execute();
  }
}
