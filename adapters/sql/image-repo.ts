import type { ImageStore, StoredImage } from '../../core/admin/admin-store';
import type { AdminDb } from './admin-repo';
import { num } from './row-mappers';

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
