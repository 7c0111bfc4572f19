import { createStore } from '/work/main/adapters/sql/create-store';
import { tmpDbPath } from '/work/main/tests/unit/core/fakes/harness';
(async () => {
  const store = await createStore({ url: tmpDbPath() });
  const people = Array.from({ length: 10000 }, (_, i) => ({ userId: `u${i}`, upn: `u${i}@x`, displayName: `U ${i}` }));
  await store.notifications.create({ id: 'n1', tenantId: 't', title: 'x', card: { type: 'AdaptiveCard', version: '1.5', body: [] }, audience: { include: [{ kind: 'everyone' }], exclude: [], includeGuests: false }, createdBy: 'a', status: 'sending' }, 1);
  await store.recipients.add('n1', 't', people, 1);
  const time = async (label: string, f: () => Promise<unknown>) => { const t = performance.now(); await f(); console.log(label, (performance.now() - t).toFixed(0), 'ms'); };
  const claimed: number[] = [];
  await time('claim', async () => { for (;;) { const rows = await store.recipients.claim('n1', 'install', 250, 10, 1000); if (!rows.length) break; claimed.push(...rows.map((r) => r.id)); } });
  await time('installed', async () => { for (let i = 0; i < claimed.length; i += 250) await store.recipients.apply(claimed.slice(i, i + 250).map((id) => ({ kind: 'installed' as const, id, nextAttemptAt: 0 }))); });
  await time('ready', async () => { for (let i = 0; i < claimed.length; i += 250) await store.recipients.apply(claimed.slice(i, i + 250).map((id) => ({ kind: 'ready' as const, id, at: 5, conversation: { tenantId: 't', userId: `u${id}`, conversationId: `c${id}`, serviceUrl: 's' } }))); });
  await time('claimSend', async () => { for (;;) { const rows = await store.recipients.claim('n1', 'send', 250, 10, 1000); if (!rows.length) break; } });
  await time('sent', async () => { for (let i = 0; i < claimed.length; i += 250) await store.recipients.apply(claimed.slice(i, i + 250).map((id) => ({ kind: 'sent' as const, id, at: 5, activityId: `a${id}` }))); });
  await time('counts', () => store.recipients.counts('n1'));
  await store.close();
})();
