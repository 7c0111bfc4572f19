import type { Kysely } from 'kysely';
import { cardContentSchema, type CardContent } from '../../core/cards/card-content';
import type { NotificationContentStore } from '../../core/responses/response-store';
import { surveySchema, type Survey } from '../../core/responses/survey';
import type { ResponseTables } from './response-tables';
import type { Database } from './schema';

type Db = Kysely<Database & ResponseTables>;

/** The author's content and survey of a notification, as JSON text, validated again when read. */
export class NotificationContentRepo implements NotificationContentStore {
  constructor(private readonly db: Db) {}

  saveContent(notificationId: string, tenantId: string, content: CardContent): Promise<void> {
    return this.upsert(notificationId, tenantId, { content: JSON.stringify(content) });
  }

  async contentOf(notificationId: string): Promise<CardContent | undefined> {
    const row = await this.db.selectFrom('notification_contents').select('content').where('notification_id', '=', notificationId).executeTakeFirst();
    return row?.content ? cardContentSchema.parse(JSON.parse(row.content)) : undefined;
  }

  saveSurvey(notificationId: string, tenantId: string, survey: Survey): Promise<void> {
    return this.upsert(notificationId, tenantId, { survey: JSON.stringify(survey) });
  }

  async surveyOf(notificationId: string): Promise<Survey | undefined> {
    const row = await this.db.selectFrom('notification_contents').select('survey').where('notification_id', '=', notificationId).executeTakeFirst();
    return row?.survey ? surveySchema.parse(JSON.parse(row.survey)) : undefined;
  }

  private async upsert(notificationId: string, tenantId: string, column: { content: string } | { survey: string }): Promise<void> {
    const now = Date.now();
    await this.db
      .insertInto('notification_contents')
      .values({ notification_id: notificationId, tenant_id: tenantId, content: null, survey: null, ...column, updated_at: now })
      .onConflict((oc) => oc.column('notification_id').doUpdateSet({ ...column, updated_at: now }))
      .execute();
  }
}
