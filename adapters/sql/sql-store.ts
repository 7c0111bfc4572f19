import { sql, type Kysely } from 'kysely';
import type { Store } from '../../core/store/store';
import { ConversationRepo } from './conversation-repo';
import { LeaseRepo } from './lease-repo';
import { NotificationRepo } from './notification-repo';
import { RecipientRepo } from './recipient-repo';
import { ResponseRepo } from './response-repo';
import type { Database, SqlDialectName } from './schema';

/** The Store over Kysely: one data layer for SQLite and PostgreSQL. */
export class SqlStore implements Store {
  readonly notifications: NotificationRepo;
  readonly recipients: RecipientRepo;
  readonly conversations: ConversationRepo;
  readonly leases: LeaseRepo;
  readonly responses: ResponseRepo;

  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: SqlDialectName,
  ) {
    this.notifications = new NotificationRepo(db);
    this.recipients = new RecipientRepo(db, dialect);
    this.conversations = new ConversationRepo(db);
    this.leases = new LeaseRepo(db);
    this.responses = new ResponseRepo(db);
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
