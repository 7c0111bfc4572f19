import { sql, type Kysely, type Transaction } from 'kysely';
import type { Outcome } from '../../core/store/outcomes';
import { unlessCancelled } from './recipient-claims';
import type { Database } from './schema';

/** Rows per CASE statement: well under SQLite's and PostgreSQL's parameter limits. */
const SENT_CHUNK = 400;

type Sent = Extract<Outcome, { kind: 'sent' }>;

/**
 * Writes a batch of outcomes in one transaction. Sends, the hot path, go as one UPDATE per 400 rows with the
 * activity ids in a CASE; the rarer outcomes go one statement each. Every update is guarded by the state the
 * worker claimed, so a cancel or a bot event that moved the row meanwhile is not overwritten.
 */
export async function applyOutcomes(db: Kysely<Database>, outcomes: Outcome[]): Promise<void> {
  const sent = outcomes.filter((outcome): outcome is Sent => outcome.kind === 'sent');
  const others = outcomes.filter((outcome) => outcome.kind !== 'sent');
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < sent.length; start += SENT_CHUNK) await markSent(trx, sent.slice(start, start + SENT_CHUNK));
    for (const outcome of others) await applyOne(trx, outcome);
  });
}

/** sent_at is the batch's latest send time: at most one flush interval later than the exact moment. */
async function markSent(trx: Transaction<Database>, batch: Sent[]): Promise<void> {
  const activityIds = sql<string>`case ${sql.join(batch.map((o) => sql`when id = ${o.id} then ${o.activityId}`), sql` `)} end`;
  const at = Math.max(...batch.map((o) => o.at));
  await trx
    .updateTable('recipients')
    .set({ state: 'sent', activity_id: activityIds, sent_at: at, updated_at: at, last_error: null })
    .where('id', 'in', batch.map((o) => o.id))
    .where('state', '=', 'sending')
    .execute();
}

async function applyOne(trx: Transaction<Database>, outcome: Exclude<Outcome, Sent>): Promise<void> {
  const rows = trx.updateTable('recipients').where('id', '=', outcome.id);
  switch (outcome.kind) {
    case 'failed':
      await rows.set({ state: 'failed', reason: outcome.reason, last_error: outcome.error, updated_at: outcome.at }).where('state', '=', outcome.from).execute();
      return;
    case 'retry':
      await rows
        .set((eb) => ({
          state: unlessCancelled(outcome.to),
          next_attempt_at: outcome.nextAttemptAt,
          last_error: outcome.error,
          attempts: outcome.countAttempt ? eb('attempts', '+', 1) : eb.ref('attempts'),
          install_step: outcome.to === 'pending' ? 'install' : eb.ref('install_step'),
        }))
        .where('state', '=', outcome.from)
        .execute();
      return;
    case 'installed':
      await rows.set({ install_step: 'fetch_chat', next_attempt_at: outcome.nextAttemptAt }).where('state', '=', 'installing').execute();
      return;
    case 'ready': {
      const { conversation } = outcome;
      await trx
        .insertInto('conversations')
        .values({ tenant_id: conversation.tenantId, user_id: conversation.userId, conversation_id: conversation.conversationId, service_url: conversation.serviceUrl, source: 'graph', updated_at: outcome.at })
        .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ conversation_id: conversation.conversationId, service_url: conversation.serviceUrl, source: 'graph', updated_at: outcome.at }))
        .execute();
      await rows
        .set({ state: unlessCancelled('ready'), conversation_id: conversation.conversationId, service_url: conversation.serviceUrl, next_attempt_at: outcome.at, updated_at: outcome.at })
        .where('state', '=', 'installing')
        .execute();
      return;
    }
    case 'repair':
      await trx.deleteFrom('conversations').where('tenant_id', '=', outcome.tenantId).where('user_id', '=', outcome.userId).execute();
      await rows
        .set({ state: unlessCancelled('pending'), install_step: 'install', repaired: 1, conversation_id: null, service_url: null, last_error: outcome.error, next_attempt_at: outcome.at, updated_at: outcome.at })
        .where('state', '=', 'sending')
        .execute();
      return;
    case 'followup':
      await rows.set({ followup_status: outcome.status, followup_reason: outcome.reason }).execute();
      return;
  }
}
