import type { Kysely } from 'kysely';
import type { ConversationRecord } from '../../core/recipients/recipient';
import type { ConversationStore } from '../../core/store/store';
import { toConversation } from './row-mappers';
import type { Database } from './schema';

export class ConversationRepo implements ConversationStore {
  constructor(private readonly db: Kysely<Database>) {}

  async upsert(record: ConversationRecord): Promise<void> {
    const values = { conversation_id: record.conversationId, service_url: record.serviceUrl, source: record.source, updated_at: record.updatedAt };
    await this.db
      .insertInto('conversations')
      .values({ tenant_id: record.tenantId, user_id: record.userId, ...values })
      .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet(values))
      .execute();
  }

  async get(tenantId: string, userId: string): Promise<ConversationRecord | undefined> {
    const row = await this.db.selectFrom('conversations').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
    return row && toConversation(row);
  }

  async remove(tenantId: string, userId: string): Promise<void> {
    await this.db.deleteFrom('conversations').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
  }
}
