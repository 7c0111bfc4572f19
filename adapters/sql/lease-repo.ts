import type { Kysely } from 'kysely';
import type { LeaseStore } from '../../core/store/store';
import type { Database } from './schema';

export class LeaseRepo implements LeaseStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * One atomic upsert: insert the lease, or take it over only when it expired or is already ours. Both SQLite and
   * PostgreSQL report zero changed rows when the conditional update is refused, so exactly one contender wins.
   */
  async tryAcquire(name: string, holder: string, now: number, ttlMs: number): Promise<boolean> {
    const expiresAt = now + ttlMs;
    const result = await this.db
      .insertInto('leases')
      .values({ name, holder, expires_at: expiresAt })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet({ holder, expires_at: expiresAt })
          .where((eb) => eb.or([eb('leases.expires_at', '<=', now), eb('leases.holder', '=', holder)])),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
  }
}
