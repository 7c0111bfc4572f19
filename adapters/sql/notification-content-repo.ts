import type { Kysely } from 'kysely';
import type { CardContent } from '../../core/cards/card-content';
import type { NotificationContentStore } from '../../core/responses/response-store';
import type { Survey } from '../../core/responses/survey';
import { toNotification } from './row-mappers';
import type { Database } from './schema';

/** What the bot reads of a notification to rebuild its card per person: the author's content and survey. */
export class NotificationContentRepo implements NotificationContentStore {
  constructor(private readonly db: Kysely<Database>) {}

  async contentOf(notificationId: string): Promise<CardContent | undefined> {
    return (await this.read(notificationId))?.content ?? undefined;
  }

  async surveyOf(notificationId: string): Promise<Survey | undefined> {
    return (await this.read(notificationId))?.survey ?? undefined;
  }

  private async read(notificationId: string) {
    const row = await this.db.selectFrom('notifications').selectAll().where('id', '=', notificationId).executeTakeFirst();
    return row && toNotification(row);
  }
}
