import type { Kysely } from 'kysely';
import type { WelcomeStatus, WelcomeStore } from '../../core/responses/response-store';
import type { ResponseTables } from './response-tables';
import { num } from './row-mappers';
import type { Database } from './schema';

type Db = Kysely<Database & ResponseTables>;

export class WelcomeRepo implements WelcomeStore {
  constructor(private readonly db: Db) {}

  async get(tenantId: string, userId: string): Promise<{ status: WelcomeStatus; decidedAt: number } | undefined> {
    const row = await this.db.selectFrom('welcomes').select(['status', 'decided_at']).where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
    return row && { status: row.status as WelcomeStatus, decidedAt: num(row.decided_at) };
  }

  async claim(tenantId: string, userId: string, at: number): Promise<boolean> {
    // One statement decides the race between the two install events (and between servers).
    const result = await this.db
      .insertInto('welcomes')
      .values({ tenant_id: tenantId, user_id: userId, status: 'sent', decided_at: at })
      .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ status: 'sent', decided_at: at }).where('welcomes.status', '<>', 'sent'))
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async skip(tenantId: string, userId: string, at: number): Promise<void> {
    await this.db
      .insertInto('welcomes')
      .values({ tenant_id: tenantId, user_id: userId, status: 'skipped', decided_at: at })
      .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ status: 'skipped', decided_at: at }).where('welcomes.status', '<>', 'sent'))
      .execute();
  }

  async release(tenantId: string, userId: string): Promise<void> {
    await this.db.deleteFrom('welcomes').where('tenant_id', '=', tenantId).where('user_id', '=', userId).where('status', '=', 'sent').execute();
  }

  async installedByHerald(tenantId: string, userId: string, since: number): Promise<boolean> {
    // A few rows per person on the (tenant_id, user_id, state) index. `fetch_chat` marks a row whose install POST
    // Herald made (201); it keeps that step once the chat is known.
    const row = await this.db
      .selectFrom('recipients')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('state', 'in', ['pending', 'installing']), eb.and([eb('install_step', '=', 'fetch_chat'), eb('updated_at', '>=', since)])]))
      .executeTakeFirst();
    return row !== undefined;
  }
}
