import { createStore } from '/work/main/adapters/sql/create-store';
import { SqlStore } from '/work/main/adapters/sql/sql-store';
(async () => {
  const store = (await createStore({ url: ':memory:' })) as SqlStore;
  const db = store.db;
  const q1 = db.updateTable('recipients').set({ state: 'sending', next_attempt_at: 5 }).where('id', 'in', db.selectFrom('recipients').select('id').where('notification_id', '=', 'x').where('state', 'in', ['ready', 'sending']).where('next_attempt_at', '<=', 3).limit(10)).returning(['id']).compile();
  const raw: any = (db as any).getExecutor();
  const { sql } = await import('kysely');
  for (const q of [q1]) {
    const r = await sql.raw('EXPLAIN QUERY PLAN ' + q.sql.replace(/\?/g, "'1'")).execute(db);
    console.log(q.sql, r.rows);
  }
  const r2 = await sql.raw(`EXPLAIN QUERY PLAN update recipients set state = case when exists (select 1 from notifications n where n.id = recipients.notification_id and n.status = 'cancelled') then 'cancelled' else 'ready' end where id = 5 and state = 'installing'`).execute(db);
  console.log(r2.rows);
})();
