import type { Kysely } from 'kysely';
import type { RecipientState } from '../../core/recipients/recipient';
import type { CardResponseStore, UserResponse } from '../../core/responses/response-store';
import type { ResponseTables } from './response-tables';
import { num } from './row-mappers';
import type { Database } from './schema';

type Db = Kysely<Database & ResponseTables>;

/** Acknowledgements and poll votes over Kysely (SQLite and PostgreSQL). */
export class CardResponseRepo implements CardResponseStore {
  constructor(private readonly db: Db) {}

  async acknowledge(input: { notificationId: string; tenantId: string; userId: string; at: number }): Promise<number> {
    await this.db
      .insertInto('card_responses')
      .values({ notification_id: input.notificationId, tenant_id: input.tenantId, user_id: input.userId, acknowledged_at: input.at, answered_at: null, updated_at: input.at })
      .onConflict((oc) =>
        // Only the first acknowledgement counts: a second click (or a retried invoke) changes nothing.
        oc.columns(['notification_id', 'user_id']).doUpdateSet({ acknowledged_at: input.at, updated_at: input.at }).where('card_responses.acknowledged_at', 'is', null),
      )
      .execute();
    const row = await this.row(input.notificationId, input.userId);
    return num(row!.acknowledged_at!);
  }

  async vote(input: { notificationId: string; tenantId: string; userId: string; choices: number[]; at: number }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('card_responses')
        .values({ notification_id: input.notificationId, tenant_id: input.tenantId, user_id: input.userId, acknowledged_at: null, answered_at: input.at, updated_at: input.at })
        .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doUpdateSet({ answered_at: input.at, updated_at: input.at }))
        .execute();
      // Changing an answer replaces it: the person's earlier options go, the new ones come in, in one transaction.
      await trx.deleteFrom('poll_votes').where('notification_id', '=', input.notificationId).where('user_id', '=', input.userId).execute();
      await trx
        .insertInto('poll_votes')
        .values(input.choices.map((option) => ({ notification_id: input.notificationId, user_id: input.userId, option_index: option })))
        .execute();
    });
  }

  async responseOf(notificationId: string, userId: string): Promise<UserResponse | undefined> {
    return (await this.responsesOf(notificationId, [userId])).get(userId);
  }

  async responsesOf(notificationId: string, userIds: string[]): Promise<Map<string, UserResponse>> {
    const found = new Map<string, UserResponse>();
    if (userIds.length === 0) return found;
    const rows = await this.db.selectFrom('card_responses').select(['user_id', 'acknowledged_at', 'answered_at']).where('notification_id', '=', notificationId).where('user_id', 'in', userIds).execute();
    const votes = await this.db.selectFrom('poll_votes').select(['user_id', 'option_index']).where('notification_id', '=', notificationId).where('user_id', 'in', userIds).orderBy('option_index').execute();
    for (const row of rows) {
      found.set(row.user_id, { userId: row.user_id, acknowledgedAt: row.acknowledged_at === null ? null : num(row.acknowledged_at), choices: row.answered_at === null ? null : [] });
    }
    for (const vote of votes) found.get(vote.user_id)?.choices?.push(num(vote.option_index));
    return found;
  }

  async pollResults(notificationId: string, optionCount: number): Promise<{ counts: number[]; total: number }> {
    const rows = await this.db
      .selectFrom('poll_votes')
      .select(['option_index', (eb) => eb.fn.countAll<number>().as('count')])
      .where('notification_id', '=', notificationId)
      .groupBy('option_index')
      .execute();
    const counts = Array.from({ length: optionCount }, () => 0);
    for (const row of rows) if (num(row.option_index) < optionCount) counts[num(row.option_index)] = num(row.count);
    const answered = await this.db
      .selectFrom('card_responses')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('notification_id', '=', notificationId)
      .where('answered_at', 'is not', null)
      .executeTakeFirst();
    return { counts, total: num(answered?.count ?? 0) };
  }

  async acknowledgedCount(notificationId: string): Promise<number> {
    const row = await this.db
      .selectFrom('card_responses')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('notification_id', '=', notificationId)
      .where('acknowledged_at', 'is not', null)
      .executeTakeFirst();
    return num(row?.count ?? 0);
  }

  async notificationOfActivity(tenantId: string, userId: string, activityId: string): Promise<string | undefined> {
    // The (tenant_id, user_id, state) index narrows to one person's few recipient rows.
    const row = await this.db
      .selectFrom('recipients')
      .select('notification_id')
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .where('activity_id', '=', activityId)
      .executeTakeFirst();
    return row?.notification_id;
  }

  async recipientOf(notificationId: string, userId: string): Promise<{ state: RecipientState; conversationId: string | null } | undefined> {
    const row = await this.db
      .selectFrom('recipients')
      .select(['state', 'conversation_id'])
      .where('notification_id', '=', notificationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row ? { state: row.state as RecipientState, conversationId: row.conversation_id } : undefined;
  }

  private row(notificationId: string, userId: string) {
    return this.db.selectFrom('card_responses').selectAll().where('notification_id', '=', notificationId).where('user_id', '=', userId).executeTakeFirst();
  }
}
