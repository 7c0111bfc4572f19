import { sql, type Kysely } from 'kysely';
import { emptyCounts, type NewRecipient, type Recipient, type RecipientState, type StateCounts } from '../../core/recipients/recipient';
import type { Outcome } from '../../core/store/outcomes';
import type { ClaimedRecipient, RecipientStore } from '../../core/store/store';
import { claimRecipients, releaseInFlight } from './recipient-claims';
import { applyOutcomes } from './recipient-outcomes';
import { num, toRecipient } from './row-mappers';
import type { Database, SqlDialectName } from './schema';

/** 14 parameters a row: 500 rows stay far below both dialects' parameter limits. */
const INSERT_CHUNK = 500;

/** The cached conversation of a recipient's user, for correlated updates. */
const cached = (column: 'conversation_id' | 'service_url') =>
  sql<string>`(select c.${sql.ref(column)} from conversations c where c.tenant_id = recipients.tenant_id and c.user_id = recipients.user_id)`;
const hasCached = sql<boolean>`exists (select 1 from conversations c where c.tenant_id = recipients.tenant_id and c.user_id = recipients.user_id)`;

export class RecipientRepo implements RecipientStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: SqlDialectName,
  ) {}

  /**
   * One transaction for the whole call: pages written once instead of once per chunk (random user ids touch many).
   * People whose conversation is cached go in as `ready` with it, so a large audience of known people is written
   * once instead of inserted and then updated by `promoteKnown`.
   */
  async add(notificationId: string, tenantId: string, people: NewRecipient[], now: number): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      let added = 0;
      for (let start = 0; start < people.length; start += INSERT_CHUNK) {
        const chunk = people.slice(start, start + INSERT_CHUNK);
        const known = await trx
          .selectFrom('conversations')
          .select(['user_id', 'conversation_id', 'service_url'])
          .where('tenant_id', '=', tenantId)
          .where('user_id', 'in', chunk.map((person) => person.userId))
          .execute();
        const conversations = new Map(known.map((row) => [row.user_id, row]));
        const values = chunk.map((person) => {
          const conversation = conversations.get(person.userId);
          return {
            notification_id: notificationId,
            tenant_id: tenantId,
            user_id: person.userId,
            upn: person.upn,
            display_name: person.displayName,
            state: conversation ? 'ready' : 'pending',
            install_step: 'install',
            conversation_id: conversation?.conversation_id ?? null,
            service_url: conversation?.service_url ?? null,
            attempts: 0,
            next_attempt_at: conversation ? now : 0,
            repaired: 0,
            created_at: now,
            updated_at: now,
          };
        });
        const result = await trx.insertInto('recipients').values(values).onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing()).executeTakeFirst();
        added += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return added;
    });
  }

  async remove(notificationId: string, userIds: string[]): Promise<number> {
    let removed = 0;
    for (let start = 0; start < userIds.length; start += INSERT_CHUNK) {
      const chunk = userIds.slice(start, start + INSERT_CHUNK);
      const result = await this.db.deleteFrom('recipients').where('notification_id', '=', notificationId).where('user_id', 'in', chunk).executeTakeFirst();
      removed += Number(result.numDeletedRows);
    }
    return removed;
  }

  async clear(notificationId: string): Promise<void> {
    await this.db.deleteFrom('recipients').where('notification_id', '=', notificationId).execute();
  }

  async promoteKnown(notificationId: string, now: number): Promise<number> {
    const result = await this.db
      .updateTable('recipients')
      .set({ state: 'ready', conversation_id: cached('conversation_id'), service_url: cached('service_url'), next_attempt_at: now, updated_at: now })
      .where('notification_id', '=', notificationId)
      .where('state', '=', 'pending')
      .where(hasCached)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async counts(notificationId: string): Promise<StateCounts> {
    const rows = await this.db
      .selectFrom('recipients')
      .select((eb) => ['state', eb.fn.countAll<number>().as('count')])
      .where('notification_id', '=', notificationId)
      .groupBy('state')
      .execute();
    const counts = emptyCounts();
    for (const row of rows) if (row.state in counts) counts[row.state as RecipientState] = num(row.count);
    return counts;
  }

  claim(notificationId: string, work: 'send' | 'install', limit: number, now: number, leaseMs: number): Promise<ClaimedRecipient[]> {
    return claimRecipients(this.db, this.dialect, notificationId, work, limit, now, leaseMs);
  }

  apply(outcomes: Outcome[]): Promise<void> {
    return outcomes.length === 0 ? Promise.resolve() : applyOutcomes(this.db, outcomes);
  }

  releaseInFlight(): Promise<number> {
    return releaseInFlight(this.db);
  }

  async cancelOpen(notificationId: string, now: number): Promise<number> {
    const result = await this.db
      .updateTable('recipients')
      .set({ state: 'cancelled', updated_at: now })
      .where('notification_id', '=', notificationId)
      .where('state', 'in', ['pending', 'installing', 'ready'])
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async retryFailed(notificationId: string, now: number): Promise<number> {
    const result = await this.db
      .updateTable('recipients')
      .set((eb) => ({
        state: eb.case().when('conversation_id', 'is not', null).then('ready').else('pending').end(),
        install_step: 'install',
        attempts: 0,
        repaired: 0,
        reason: null,
        next_attempt_at: now,
        updated_at: now,
      }))
      .where('notification_id', '=', notificationId)
      .where('state', '=', 'failed')
      .executeTakeFirst();
    await this.promoteKnown(notificationId, now);
    return Number(result.numUpdatedRows);
  }

  async sentAfter(notificationId: string, afterId: number, limit: number, skipFollowup?: 'updated' | 'recalled'): Promise<Recipient[]> {
    // A recalled card is gone: it can be neither edited nor recalled again.
    const skip = skipFollowup ? ['recalled', skipFollowup] : ['recalled'];
    const rows = await this.db
      .selectFrom('recipients')
      .selectAll()
      .where('notification_id', '=', notificationId)
      .where('state', '=', 'sent')
      .where('id', '>', afterId)
      .where('activity_id', 'is not', null)
      .where((eb) => eb.or([eb('followup_status', 'is', null), eb('followup_status', 'not in', skip)]))
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toRecipient);
  }

  async resetFollowups(notificationId: string): Promise<void> {
    await this.db
      .updateTable('recipients')
      .set({ followup_status: null, followup_reason: null })
      .where('notification_id', '=', notificationId)
      .where('state', '=', 'sent')
      .where('followup_status', 'in', ['updated', 'failed'])
      .execute();
  }

  async page(notificationId: string, afterId: number, limit: number, state?: RecipientState): Promise<Recipient[]> {
    let query = this.db.selectFrom('recipients').selectAll().where('notification_id', '=', notificationId).where('id', '>', afterId);
    if (state) query = query.where('state', '=', state);
    const rows = await query.orderBy('id').limit(limit).execute();
    return rows.map(toRecipient);
  }

  async promoteUser(tenantId: string, userId: string, conversationId: string, serviceUrl: string, now: number): Promise<number> {
    const result = await this.db
      .updateTable('recipients')
      .set({ state: 'ready', conversation_id: conversationId, service_url: serviceUrl, next_attempt_at: now, updated_at: now })
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .where('state', 'in', ['pending', 'installing'])
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
