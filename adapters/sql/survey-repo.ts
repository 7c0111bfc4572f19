import type { Kysely } from 'kysely';
import type { SurveyAnswer, SurveyStore } from '../../core/responses/response-store';
import type { ResponseTables } from './response-tables';
import { num } from './row-mappers';
import type { Database } from './schema';

type Db = Kysely<Database & ResponseTables>;

export class SurveyRepo implements SurveyStore {
  constructor(private readonly db: Db) {}

  async unstarted(tenantId: string, userId: string): Promise<Array<{ notificationId: string; sentAt: number }>> {
    const rows = await this.db
      .selectFrom('recipients as r')
      .innerJoin('notifications as c', 'c.id', 'r.notification_id')
      .select(['r.notification_id', 'r.sent_at'])
      .where('r.tenant_id', '=', tenantId)
      .where('r.user_id', '=', userId)
      .where('r.state', '=', 'sent')
      .where('c.survey', 'is not', null)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('survey_progress as p').select('p.user_id').whereRef('p.notification_id', '=', 'r.notification_id').whereRef('p.user_id', '=', 'r.user_id'))),
      )
      .orderBy('r.sent_at', 'desc')
      .limit(10)
      .execute();
    return rows.map((row) => ({ notificationId: row.notification_id, sentAt: num(row.sent_at ?? 0) }));
  }

  async markStarted(notificationId: string, tenantId: string, userId: string, at: number): Promise<boolean> {
    const result = await this.db
      .insertInto('survey_progress')
      .values({ notification_id: notificationId, tenant_id: tenantId, user_id: userId, started_at: at, completed_at: null })
      .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async markCompleted(notificationId: string, userId: string, at: number): Promise<void> {
    await this.db.updateTable('survey_progress').set({ completed_at: at }).where('notification_id', '=', notificationId).where('user_id', '=', userId).execute();
  }

  async recordAnswer(answer: SurveyAnswer & { tenantId: string }): Promise<void> {
    const values = { answer: answer.answer, answered_at: answer.answeredAt };
    await this.db
      .insertInto('survey_answers')
      .values({ notification_id: answer.notificationId, tenant_id: answer.tenantId, user_id: answer.userId, question_index: answer.questionIndex, ...values })
      .onConflict((oc) => oc.columns(['notification_id', 'user_id', 'question_index']).doUpdateSet(values))
      .execute();
  }

  /** The answers of up to `limit` people whose ids sort after `afterUserId` (page by the last person's id). */
  async answersOf(notificationId: string, afterUserId: string, limit: number): Promise<SurveyAnswer[]> {
    const people = await this.db
      .selectFrom('survey_progress')
      .select('user_id')
      .where('notification_id', '=', notificationId)
      .where('user_id', '>', afterUserId)
      .orderBy('user_id')
      .limit(limit)
      .execute();
    if (people.length === 0) return [];
    const rows = await this.db
      .selectFrom('survey_answers')
      .select(['notification_id', 'user_id', 'question_index', 'answer', 'answered_at'])
      .where('notification_id', '=', notificationId)
      .where('user_id', 'in', people.map((person) => person.user_id))
      .orderBy('user_id')
      .orderBy('question_index')
      .execute();
    return rows.map((row) => ({ notificationId: row.notification_id, userId: row.user_id, questionIndex: num(row.question_index), answer: row.answer, answeredAt: num(row.answered_at) }));
  }

  async completedCount(notificationId: string): Promise<number> {
    const row = await this.db
      .selectFrom('survey_progress')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('notification_id', '=', notificationId)
      .where('completed_at', 'is not', null)
      .executeTakeFirst();
    return num(row?.count ?? 0);
  }
}
