import { createStore } from '/work/main/adapters/sql/create-store';
import { tmpDbPath } from '/work/main/tests/unit/core/fakes/harness';
(async () => {
  for (const url of [':memory:', tmpDbPath()]) {
    const store = await createStore({ url });
    const people = Array.from({ length: 10000 }, (_, i) => ({ userId: `u${i}`, upn: `u${i}@x`, displayName: `U ${i}` }));
    await store.recipients.add('n1', 't', people, 1);
    let t = performance.now(); let n = 0;
    for (;;) { const rows = await store.recipients.claim('n1', 'install', 100, 10, 1000); if (!rows.length) break; n += rows.length; }
    console.log(url, 'claim ms', (performance.now() - t).toFixed(0), n);
    await store.close();
  }
})();
