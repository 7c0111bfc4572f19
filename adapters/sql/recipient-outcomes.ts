import { sql, type Transaction } from 'kysely';
import type { Kysely } from 'kysely';
import type { Outcome } from '../../core/store/outcomes';
import { unlessCancelled } from './recipient-claims';
import type { Database } from './schema';

/** Rows per batched statement: well under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 400;

type Of<K extends Outcome['kind']> = Extract<Outcome, { kind: K }>;

/**
 * Writes a batch of outcomes in one transaction. The frequent kinds (sent, installed, ready, follow-ups) go as one
 * UPDATE per 400 rows with per-row values in a CASE; the rare ones (failed, retry, repair) one statement each.
 * Every update is guarded by the state the worker claimed, so a cancel or a bot event that moved the row
 * meanwhile is not overwritten.
 */
export async function applyOutcomes(db: Kysely<Database>, outcomes: Outcome[]): Promise<void> {
  const of = <K extends Outcome['kind']>(kind: K) => outcomes.filter((outcome): outcome is Of<K> => outcome.kind === kind);
  await db.transaction().execute(async (trx) => {
    for (const batch of chunks(of('sent'))) await markSent(trx, batch);
    for (const batch of chunks(of('installed'))) await markInstalled(trx, batch);
    for (const batch of chunks(of('ready'))) await markReady(trx, batch);
    for (const batch of chunks(of('followup'))) await markFollowups(trx, batch);
    for (const outcome of of('failed')) await markFailed(trx, outcome);
    for (const outcome of of('retry')) await markRetry(trx, outcome);
    for (const outcome of of('repair')) await markRepair(trx, outcome);
  });
}

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) result.push(items.slice(start, start + CHUNK));
  return result;
}

/** `case when id = 1 then 'a' when id = 2 then 'b' … end`: a per-row value in a batched UPDATE. */
function perRow<T extends { id: number }>(batch: T[], value: (item: T) => string | null) {
  return sql<string | null>`case ${sql.join(batch.map((item) => sql`when id = ${item.id} then ${value(item)}`), sql` `)} end`;
}

const ids = (batch: Array<{ id: number }>) => batch.map((item) => item.id);

/** sent_at is the batch's latest send time: at most one flush interval later than the exact moment. */
async function markSent(trx: Transaction<Database>, batch: Array<Of<'sent'>>): Promise<void> {
  const at = Math.max(...batch.map((o) => o.at));
  await trx
    .updateTable('recipients')
    .set({ state: 'sent', activity_id: perRow(batch, (o) => o.activityId), sent_at: at, updated_at: at, last_error: null })
    .where('id', 'in', ids(batch))
    .where('state', '=', 'sending')
    .execute();
}

/** The event wait ends at the batch's earliest deadline: at most one flush interval early. */
async function markInstalled(trx: Transaction<Database>, batch: Array<Of<'installed'>>): Promise<void> {
  const until = Math.min(...batch.map((o) => o.nextAttemptAt));
  await trx.updateTable('recipients').set({ install_step: 'fetch_chat', next_attempt_at: until }).where('id', 'in', ids(batch)).where('state', '=', 'installing').execute();
}

async function markReady(trx: Transaction<Database>, batch: Array<Of<'ready'>>): Promise<void> {
  // One row per user: PostgreSQL refuses an upsert that touches the same key twice.
  const byUser = new Map(batch.map((o) => [`${o.conversation.tenantId}\u0000${o.conversation.userId}`, o]));
  const at = Math.max(...batch.map((o) => o.at));
  await trx
    .insertInto('conversations')
    .values([...byUser.values()].map(({ conversation: c }) => ({ tenant_id: c.tenantId, user_id: c.userId, conversation_id: c.conversationId, service_url: c.serviceUrl, source: 'graph', updated_at: at })))
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'user_id']).doUpdateSet((eb) => ({
        conversation_id: eb.ref('excluded.conversation_id'),
        service_url: eb.ref('excluded.service_url'),
        source: 'graph',
        updated_at: at,
      })),
    )
    .execute();
  await trx
    .updateTable('recipients')
    .set({
      state: unlessCancelled('ready'),
      conversation_id: perRow(batch, (o) => o.conversation.conversationId),
      service_url: perRow(batch, (o) => o.conversation.serviceUrl),
      next_attempt_at: at,
      updated_at: at,
    })
    .where('id', 'in', ids(batch))
    .where('state', '=', 'installing')
    .execute();
}

async function markFollowups(trx: Transaction<Database>, batch: Array<Of<'followup'>>): Promise<void> {
  await trx
    .updateTable('recipients')
    .set({ followup_status: perRow(batch, (o) => o.status), followup_reason: perRow(batch, (o) => o.reason) })
    .where('id', 'in', ids(batch))
    .execute();
}

async function markFailed(trx: Transaction<Database>, o: Of<'failed'>): Promise<void> {
  await trx.updateTable('recipients').set({ state: 'failed', reason: o.reason, last_error: o.error, updated_at: o.at }).where('id', '=', o.id).where('state', '=', o.from).execute();
}

async function markRetry(trx: Transaction<Database>, o: Of<'retry'>): Promise<void> {
  await trx
    .updateTable('recipients')
    .set((eb) => ({
      state: unlessCancelled(o.to),
      next_attempt_at: o.nextAttemptAt,
      last_error: o.error,
      attempts: o.countAttempt ? eb('attempts', '+', 1) : eb.ref('attempts'),
      install_step: o.to === 'pending' ? 'install' : eb.ref('install_step'),
    }))
    .where('id', '=', o.id)
    .where('state', '=', o.from)
    .execute();
}

/** The app or chat is gone: forget the cached conversation and install again, once (`repaired`). */
async function markRepair(trx: Transaction<Database>, o: Of<'repair'>): Promise<void> {
  await trx.deleteFrom('conversations').where('tenant_id', '=', o.tenantId).where('user_id', '=', o.userId).execute();
  await trx
    .updateTable('recipients')
    .set({ state: unlessCancelled('pending'), install_step: 'install', repaired: 1, conversation_id: null, service_url: null, last_error: o.error, next_attempt_at: o.at, updated_at: o.at })
    .where('id', '=', o.id)
    .where('state', '=', 'sending')
    .execute();
}
