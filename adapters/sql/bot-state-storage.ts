import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Storage, StoreItems } from 'botbuilder';
import type { ResponseTables } from './response-tables';
import type { Database } from './schema';

/**
 * botbuilder's `Storage` over Herald's database: dialog and conversation state survive a restart and are shared
 * by every server. Optimistic concurrency as in botbuilder's own stores: an item written with an `eTag` other than
 * `*` replaces the stored one only if the tags match (a conditional UPDATE), otherwise the write fails.
 */
export class SqlBotStorage implements Storage {
  private readonly db: Kysely<Database & ResponseTables>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<ResponseTables>();
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const rows = await this.db.selectFrom('bot_state').select(['id', 'data', 'etag']).where('id', 'in', keys).execute();
    const items: StoreItems = {};
    for (const row of rows) items[row.id] = { ...(JSON.parse(row.data) as Record<string, unknown>), eTag: row.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...rest } = (item ?? {}) as { eTag?: string } & Record<string, unknown>;
      const data = JSON.stringify(rest);
      const etag = randomUUID();
      const now = Date.now();
      if (!eTag || eTag === '*') {
        await this.db
          .insertInto('bot_state')
          .values({ id: key, data, etag, updated_at: now })
          .onConflict((oc) => oc.column('id').doUpdateSet({ data, etag, updated_at: now }))
          .execute();
        continue;
      }
      const updated = await this.db.updateTable('bot_state').set({ data, etag, updated_at: now }).where('id', '=', key).where('etag', '=', eTag).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) {
        // No row with that tag: either the item is new to the database (insert it) or someone else changed it.
        const inserted = await this.db.insertInto('bot_state').values({ id: key, data, etag, updated_at: now }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.db.deleteFrom('bot_state').where('id', 'in', keys).execute();
  }
}
