import { harness, draft, waitForStatus } from '/work/main/tests/unit/core/fakes/harness';
const N = Number(process.env.N ?? 10000);
(async () => {
  const h = await harness({ users: N, config: { installEventWaitMs: 0, maxSendsInFlight: 128, maxInstallsInFlight: 128 } });
  const st: any = h.store.recipients;
  const stats: Record<string, { n: number; ms: number; rows: number }> = {};
  for (const m of ['claim', 'apply', 'counts']) {
    const orig = st[m].bind(st);
    st[m] = async (...a: any[]) => { const t = performance.now(); const r = await orig(...a); const s = (stats[m] ??= { n: 0, ms: 0, rows: 0 }); s.n++; s.ms += performance.now() - t; s.rows += Array.isArray(r) ? r.length : Array.isArray(a[0]) ? a[0].length : 0; return r; };
  }
  await h.engine.start();
  const n = await h.engine.createNotification(draft());
  const t0 = Date.now();
  await h.engine.send(n.id);
  await waitForStatus(h, n.id, 'completed');
  console.log({ ms: Date.now() - t0, stats });
  await h.engine.stop(); await h.store.close();
})();
