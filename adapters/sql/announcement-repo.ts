import type { Kysely, Selectable } from 'kysely';
import type { Announcement, AnnouncementStore } from '../../core/responses/response-store';
import type { ResponseTables } from './response-tables';
import type { Database } from './schema';

type Db = Kysely<Database & ResponseTables>;

const toAnnouncement = (row: Selectable<ResponseTables['announcements']>): Announcement => ({
  notificationId: row.notification_id,
  tenantId: row.tenant_id,
  ownerId: row.owner_id,
  teamId: row.team_id,
  title: row.title,
});

export class AnnouncementRepo implements AnnouncementStore {
  constructor(private readonly db: Db) {}

  async save(announcement: Announcement, at: number): Promise<void> {
    await this.db
      .insertInto('announcements')
      .values({
        notification_id: announcement.notificationId,
        tenant_id: announcement.tenantId,
        owner_id: announcement.ownerId,
        team_id: announcement.teamId,
        title: announcement.title,
        created_at: at,
        summary_sent_at: null,
      })
      .execute();
  }

  async get(notificationId: string): Promise<Announcement | undefined> {
    const row = await this.db.selectFrom('announcements').selectAll().where('notification_id', '=', notificationId).executeTakeFirst();
    return row && toAnnouncement(row);
  }

  async claimSummary(notificationId: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('announcements')
      .set({ summary_sent_at: at })
      .where('notification_id', '=', notificationId)
      .where('summary_sent_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async awaitingSummary(limit: number): Promise<Announcement[]> {
    const rows = await this.db.selectFrom('announcements').selectAll().where('summary_sent_at', 'is', null).orderBy('created_at').limit(limit).execute();
    return rows.map(toAnnouncement);
  }
}
