import { Kysely, type Dialect } from 'kysely';
import { migrateToLatest } from '../../../adapters/sql/migrations/migrate';
import type { SqlDialectName } from '../../../adapters/sql/schema';
import { SqlStore } from '../../../adapters/sql/sql-store';
import { cardContentSchema } from '../../../core/cards/card-content';

const CARD = JSON.stringify({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Hello' }] });
const AUDIENCE = JSON.stringify({ include: [{ kind: 'group', id: 'g-1', label: 'Sales' }], exclude: [], includeGuests: false });
const CONTENT = JSON.stringify(cardContentSchema.parse({ title: 'Tab broadcast', summary: 'From the tab' }));
const SURVEY = JSON.stringify({ title: 'Pulse', intro: '', questions: [{ text: 'How are you?' }] });

/**
 * Migration 0005 (one notification, one record) on a database the old schema wrote: rows of the engine's
 * `notifications`, the tab's `admin_notifications` (a sent one and a draft) and the bot's `notification_contents`
 * (a compose-box announcement's content, a survey), written exactly as the old code wrote them.
 */
export function oneNotificationMigrationContract(open: () => Promise<{ dialect: Dialect; name: SqlDialectName }>): void {
  it('when a database written by the old schema is migrated, then every notification is one record with its owner, origin and content, and the old tables are gone', async () => {
    const { dialect, name } = await open();
    const db = new Kysely<any>({ dialect });
    try {
      await migrateToLatest(db, name, '0004-lean-user-index');
      const engineRow = (id: string, createdBy: string, status = 'completed') => ({
        id, tenant_id: 't-1', title: `Title ${id}`, card: CARD, audience: AUDIENCE, status, created_by: createdBy,
        scheduled_at: null, time_zone: 'Europe/Paris', audience_report: null, created_at: 1000, updated_at: 2000, started_at: 1500, completed_at: 2000,
      });
      await db.insertInto('notifications').values([engineRow('n-tab', 'adele@contoso.test'), engineRow('n-cli', 'cli:ops'), engineRow('n-compose', 'u-owner'), engineRow('n-survey', 'megan@contoso.test'), engineRow('n-api', 'bench')]).execute();
      await db.insertInto('recipients').values({
        notification_id: 'n-tab', tenant_id: 't-1', user_id: 'u-1', upn: 'u1@contoso.test', display_name: 'U1', state: 'sent', install_step: 'done', attempts: 0, next_attempt_at: 0,
        reason: null, last_error: null, conversation_id: 'c-1', service_url: 'http://x', activity_id: 'a-1', repaired: 0, followup_status: null, followup_reason: null, created_at: 1000, updated_at: 2000, sent_at: 1600,
      }).execute();
      await db.insertInto('admin_roles').values({ tenant_id: 't-1', user_id: 'u-adele', upn: 'Adele@contoso.test', display_name: 'Adele', role: 'admin', audience_kinds: '["group"]', updated_by: 'HERALD_ADMINS', updated_at: 1 }).execute();
      await db.insertInto('admin_notifications').values([
        { id: 'n-tab', tenant_id: 't-1', title: 'Tab broadcast', content: CONTENT, audience: AUDIENCE, created_by: 'adele@contoso.test', created_at: 1000, updated_at: 2000 },
        { id: 'd-draft', tenant_id: 't-1', title: 'A draft', content: JSON.stringify(cardContentSchema.parse({ title: 'A draft' })), audience: null, created_by: 'lee@contoso.test', created_at: 3000, updated_at: 3000 },
      ]).execute();
      await db.insertInto('notification_contents').values([
        { notification_id: 'n-compose', tenant_id: 't-1', content: CONTENT, survey: null, updated_at: 1 },
        { notification_id: 'n-survey', tenant_id: 't-1', content: null, survey: SURVEY, updated_at: 1 },
      ]).execute();
      await db.insertInto('announcements').values({ notification_id: 'n-compose', tenant_id: 't-1', owner_id: 'u-owner', team_id: 'team-1', title: 'Title n-compose', created_at: 1, summary_sent_at: null }).execute();

      await migrateToLatest(db, name);
      const store = new SqlStore(db, name);
      const get = async (id: string) => (await store.notifications.get(id))!;

      expect(await get('n-tab')).toMatchObject({ origin: 'tab', owner: { id: 'u-adele', upn: 'adele@contoso.test' }, title: 'Tab broadcast', content: { title: 'Tab broadcast' }, status: 'completed', timeZone: 'Europe/Paris', editedAt: null, recalledAt: null });
      expect(await get('n-cli')).toMatchObject({ origin: 'cli', owner: { id: 'cli:ops', upn: 'cli:ops' }, content: null });
      expect(await get('n-compose')).toMatchObject({ origin: 'compose', owner: { id: 'u-owner' }, content: { title: 'Tab broadcast' } });
      expect(await get('n-survey')).toMatchObject({ origin: 'survey', survey: { title: 'Pulse' } });
      expect(await get('n-api')).toMatchObject({ origin: 'api', owner: { id: 'bench', upn: 'bench' } });
      const draft = await get('d-draft');
      expect(draft).toMatchObject({ status: 'draft', origin: 'tab', audience: null, owner: { id: 'lee@contoso.test', upn: 'lee@contoso.test' }, content: { title: 'A draft' } });
      expect(draft.card).toMatchObject({ type: 'AdaptiveCard' });
      // The per-recipient rows stay as they were.
      expect(await store.recipients.counts('n-tab')).toMatchObject({ sent: 1 });
      expect(await store.responses.contents.surveyOf('n-survey')).toMatchObject({ title: 'Pulse' });
      expect((await store.notifications.list('t-1', 10, ['u-adele'])).map((n) => n.id)).toEqual(['n-tab']);
      // Asked of the schema itself: a statement prepared before the drop may be served from a cache.
      const tables = (await db.introspection.getTables()).map((table) => table.name);
      expect(tables).toContain('notifications');
      expect(tables).not.toContain('admin_notifications');
      expect(tables).not.toContain('notification_contents');
    } finally {
      await db.destroy();
    }
  });
}
