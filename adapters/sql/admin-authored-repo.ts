import type { Authored, AuthoredStore, ImageStore, StoredImage } from '../../core/admin/admin-store';
import { audienceSpecSchema } from '../../core/audience/audience-spec';
import { cardContentSchema } from '../../core/cards/card-content';
import type { AdminDb } from './admin-repo';
import type { AdminTables } from './admin-tables';
import { num } from './row-mappers';

/** Drafts, and what the author wrote for every notification (content, labelled audience). */
export class AuthoredRepo implements AuthoredStore {
  constructor(private readonly db: AdminDb) {}

  async create(record: Authored): Promise<void> {
    await this.db
      .insertInto('admin_notifications')
      .values({
        id: record.id,
        tenant_id: record.tenantId,
        title: record.title,
        content: JSON.stringify(record.content),
        audience: record.audience === null ? null : JSON.stringify(record.audience),
        created_by: record.createdBy,
        created_at: record.createdAt,
        updated_at: record.updatedAt,
      })
      .execute();
  }

  async get(id: string): Promise<Authored | undefined> {
    const row = await this.db.selectFrom('admin_notifications').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toAuthored(row);
  }

  async update(id: string, patch: Pick<Authored, 'title' | 'content' | 'audience' | 'updatedAt'>): Promise<void> {
    await this.db
      .updateTable('admin_notifications')
      .set({ title: patch.title, content: JSON.stringify(patch.content), audience: patch.audience === null ? null : JSON.stringify(patch.audience), updated_at: patch.updatedAt })
      .where('id', '=', id)
      .execute();
  }

  async remove(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('recipients').where('notification_id', '=', id).execute();
      await trx.deleteFrom('notifications').where('id', '=', id).execute();
      await trx.deleteFrom('admin_notifications').where('id', '=', id).execute();
    });
  }

  async list(tenantId: string, limit: number): Promise<Authored[]> {
    const rows = await this.db.selectFrom('admin_notifications').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').limit(limit).execute();
    return rows.map(toAuthored);
  }
}

function toAuthored(row: AdminTables['admin_notifications']): Authored {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    title: row.title,
    // Written by us after validation; parsing again fills defaults a later schema version added.
    content: cardContentSchema.parse(JSON.parse(row.content)),
    audience: row.audience === null ? null : audienceSpecSchema.parse(JSON.parse(row.audience)),
    createdBy: row.created_by,
    createdAt: num(row.created_at),
    updatedAt: num(row.updated_at),
  };
}

/** Uploaded card images, kept in the database so every server of a scaled-out deployment can serve them. */
export class ImageRepo implements ImageStore {
  constructor(private readonly db: AdminDb) {}

  async put(image: StoredImage): Promise<void> {
    await this.db
      .insertInto('admin_images')
      .values({ id: image.id, tenant_id: image.tenantId, content_type: image.contentType, bytes: image.bytes, created_by: image.createdBy, created_at: image.createdAt })
      .execute();
  }

  async get(id: string): Promise<StoredImage | undefined> {
    const row = await this.db.selectFrom('admin_images').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return { id: row.id, tenantId: row.tenant_id, contentType: row.content_type, bytes: Buffer.from(row.bytes), createdBy: row.created_by, createdAt: num(row.created_at) };
  }
}
