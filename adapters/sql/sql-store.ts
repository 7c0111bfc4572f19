import { sql, type Kysely } from 'kysely';
import type { Store } from '../../core/store/store';
import { ConversationRepo } from './conversation-repo';
import { LeaseRepo } from './lease-repo';
import { NotificationRepo } from './notification-repo';
import { RecipientRepo } from './recipient-repo';
import { ResponseRepo } from './response-repo';
import { AuditRepo, RoleRepo } from './admin-repo';
import { AdminReportQueries } from './admin-report-queries';
import type { AdminTables } from './admin-tables';
import { ImageRepo } from './image-repo';
import { ReachRepo } from './reach-repo';
import { FollowUpRepo } from './followup-repo';
import type { Database, SqlDialectName } from './schema';

/** The Store over Kysely: one data layer for SQLite and PostgreSQL. */
export class SqlStore implements Store {
  readonly notifications: NotificationRepo;
  readonly recipients: RecipientRepo;
  readonly conversations: ConversationRepo;
  readonly leases: LeaseRepo;
  readonly responses: ResponseRepo;
  readonly roles: RoleRepo;
  readonly audit: AuditRepo;
  readonly images: ImageRepo;
  readonly reports: AdminReportQueries;
  readonly reach: ReachRepo;
  readonly followups: FollowUpRepo;

  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: SqlDialectName,
    now: () => number = Date.now,
  ) {
    const admin = db.withTables<AdminTables>();
    this.notifications = new NotificationRepo(db);
    this.recipients = new RecipientRepo(db, dialect);
    this.conversations = new ConversationRepo(db);
    this.leases = new LeaseRepo(db);
    this.responses = new ResponseRepo(db);
    this.roles = new RoleRepo(admin);
    this.audit = new AuditRepo(admin, now);
    this.images = new ImageRepo(admin);
    this.reports = new AdminReportQueries(admin);
    this.reach = new ReachRepo(db, dialect);
    this.followups = new FollowUpRepo(db);
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
