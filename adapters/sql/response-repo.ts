import type { Kysely } from 'kysely';
import type { ResponseStore } from '../../core/responses/response-store';
import { AnnouncementRepo } from './announcement-repo';
import { CardResponseRepo } from './card-response-repo';
import { NotificationContentRepo } from './notification-content-repo';
import type { ResponseTables } from './response-tables';
import type { Database } from './schema';
import { SurveyRepo } from './survey-repo';
import { WelcomeRepo } from './welcome-repo';

/** The bot's records over the same Kysely instance as the Store (migration 0003-responses). */
export class ResponseRepo implements ResponseStore {
  readonly cards: CardResponseRepo;
  readonly contents: NotificationContentRepo;
  readonly welcomes: WelcomeRepo;
  readonly surveys: SurveyRepo;
  readonly announcements: AnnouncementRepo;

  constructor(db: Kysely<Database>) {
    const all = db.withTables<ResponseTables>();
    this.cards = new CardResponseRepo(all);
    this.contents = new NotificationContentRepo(db);
    this.welcomes = new WelcomeRepo(all);
    this.surveys = new SurveyRepo(all);
    this.announcements = new AnnouncementRepo(all);
  }
}
