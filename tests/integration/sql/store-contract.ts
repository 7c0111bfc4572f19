import type { Store } from '../../../core/store/store';
import type { NewNotification } from '../../../core/notifications/notification';

const CARD = { type: 'AdaptiveCard' as const, version: '1.5', body: [] };

/** Ids unique per run, so the suite can run against a shared PostgreSQL database without clean-up. */
const unique = (prefix: string) => `${prefix}-${globalThis.crypto.randomUUID()}`;

function newNotification(overrides: Partial<NewNotification> = {}): NewNotification {
  return { id: unique('n'), tenantId: unique('t'), title: 'T', card: CARD, audience: { include: [{ kind: 'everyone' }], exclude: [], includeGuests: false }, createdBy: 'a', status: 'sending', ...overrides };
}

const people = (count: number, from = 1) => Array.from({ length: count }, (_, i) => ({ userId: `u${from + i}`, upn: `u${from + i}@x.test`, displayName: `U${from + i}` }));

/**
 * The behaviour every Store must have, whatever the database. `open` gives a store on one database; calling it
 * twice must give two stores on the same database (two servers).
 */
export function storeContract(open: () => Promise<Store>): void {
  let store: Store;
  const others: Store[] = [];
  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store.close();
    for (const other of others.splice(0)) await other.close();
  });

  async function seeded(count: number): Promise<NewNotification> {
    const n = newNotification();
    await store.notifications.create(n, 1);
    await store.recipients.add(n.id, n.tenantId, people(count), 1);
    return n;
  }

  it('when the same person is added twice (two sources), then they are one recipient', async () => {
    const n = await seeded(3);
    expect(await store.recipients.add(n.id, n.tenantId, people(4), 2)).toBe(1);
    expect(await store.recipients.counts(n.id)).toMatchObject({ pending: 4 });
    expect(await store.recipients.remove(n.id, ['u1', 'u9'])).toBe(1);
  });

  it('when a person added has a cached conversation, then they go in ready with it, due at once; the others pending', async () => {
    const n = newNotification();
    await store.notifications.create(n, 1);
    await store.conversations.upsert({ tenantId: n.tenantId, userId: 'u2', conversationId: 'c-u2', serviceUrl: 'https://s/', source: 'bot', updatedAt: 1 });
    await store.conversations.upsert({ tenantId: 'another-tenant', userId: 'u3', conversationId: 'c-u3', serviceUrl: 'https://s/', source: 'bot', updatedAt: 1 });
    expect(await store.recipients.add(n.id, n.tenantId, people(3), 7)).toBe(3);
    expect(await store.recipients.counts(n.id)).toMatchObject({ pending: 2, ready: 1 });
    expect(await store.recipients.promoteKnown(n.id, 8)).toBe(0);
    const [ready] = await store.recipients.claim(n.id, 'send', 10, 7, 1000);
    expect(ready).toMatchObject({ userId: 'u2', conversationId: 'c-u2', serviceUrl: 'https://s/' });
  });

  it('when two workers claim at once, then no recipient is handed to both', async () => {
    const n = await seeded(200);
    const second = await open();
    others.push(second);
    const [a, b, c] = await Promise.all([
      store.recipients.claim(n.id, 'install', 80, 10, 1000),
      second.recipients.claim(n.id, 'install', 80, 10, 1000),
      store.recipients.claim(n.id, 'install', 80, 10, 1000),
    ]);
    const ids = [...a!, ...b!, ...c!].map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(200);
    expect(a![0]).toMatchObject({ state: 'installing', installStep: 'install', notificationId: n.id });
  });

  it('when a claimed row is in flight, then it is not claimed again until its lease expires', async () => {
    const n = await seeded(1);
    expect(await store.recipients.claim(n.id, 'install', 10, 10, 1000)).toHaveLength(1);
    expect(await store.recipients.claim(n.id, 'install', 10, 500, 1000)).toHaveLength(0);
    expect(await store.recipients.claim(n.id, 'install', 10, 1010, 1000)).toHaveLength(1);
  });

  it('when outcomes are applied, then each lands only if the row is still where the worker left it', async () => {
    const n = await seeded(4);
    const [r1, r2, r3, r4] = await store.recipients.claim(n.id, 'install', 10, 10, 1000);
    const conversation = (userId: string) => ({ tenantId: n.tenantId, userId, conversationId: `c-${userId}`, serviceUrl: 'https://s/' });
    await store.recipients.apply([
      { kind: 'ready', id: r1!.id, conversation: conversation(r1!.userId), at: 20 },
      { kind: 'installed', id: r2!.id, nextAttemptAt: 5000 },
      { kind: 'failed', id: r3!.id, from: 'installing', reason: 'blocked_by_app_policy', error: '403', at: 20 },
      { kind: 'retry', id: r4!.id, from: 'installing', to: 'pending', nextAttemptAt: 30, error: '503', countAttempt: true },
    ]);
    expect(await store.recipients.counts(n.id)).toMatchObject({ ready: 1, installing: 1, failed: 1, pending: 1 });
    expect((await store.conversations.get(n.tenantId, r1!.userId))?.conversationId).toBe(`c-${r1!.userId}`);
    const [sending] = await store.recipients.claim(n.id, 'send', 10, 30, 1000);
    expect(sending).toMatchObject({ id: r1!.id, conversationId: `c-${r1!.userId}`, serviceUrl: 'https://s/' });
    await store.recipients.apply([{ kind: 'sent', id: sending!.id, activityId: '1:42', at: 40 }, { kind: 'sent', id: r3!.id, activityId: 'nope', at: 40 }]);
    const rows = await store.recipients.page(n.id, 0, 10);
    expect(rows.find((row) => row.id === r1!.id)).toMatchObject({ state: 'sent', activityId: '1:42', sentAt: 40 });
    expect(rows.find((row) => row.id === r3!.id)).toMatchObject({ state: 'failed', reason: 'blocked_by_app_policy', activityId: null });
    expect(rows.find((row) => row.id === r4!.id)).toMatchObject({ attempts: 1, lastError: '503' });
  });

  it('when a send needs repair, then the cached conversation is forgotten and the recipient installs again, marked repaired', async () => {
    const n = await seeded(1);
    await store.conversations.upsert({ tenantId: n.tenantId, userId: 'u1', conversationId: 'old', serviceUrl: 'https://s/', source: 'bot', updatedAt: 1 });
    expect(await store.recipients.promoteKnown(n.id, 5)).toBe(1);
    const [row] = await store.recipients.claim(n.id, 'send', 10, 10, 1000);
    await store.recipients.apply([{ kind: 'repair', id: row!.id, tenantId: n.tenantId, userId: 'u1', error: '403', at: 11 }]);
    expect(await store.conversations.get(n.tenantId, 'u1')).toBeUndefined();
    expect((await store.recipients.page(n.id, 0, 1))[0]).toMatchObject({ state: 'pending', repaired: true, conversationId: null, installStep: 'install' });
  });

  it("when the bot records a user's conversation, then that user's waiting recipients become ready with it", async () => {
    const n = await seeded(2);
    await store.recipients.claim(n.id, 'install', 1, 10, 1000);
    expect(await store.recipients.promoteUser(n.tenantId, 'u1', 'c1', 'https://s/', 20)).toBe(1);
    expect(await store.recipients.promoteUser(n.tenantId, 'u2', 'c2', 'https://s/', 20)).toBe(1);
    expect(await store.recipients.counts(n.id)).toMatchObject({ ready: 2 });
  });

  it('when cancelled, then open recipients are cancelled, and a retry landing afterwards cancels instead of waiting', async () => {
    const n = await seeded(3);
    await store.recipients.promoteUser(n.tenantId, 'u1', 'c1', 'https://s/', 5);
    const [inFlight] = await store.recipients.claim(n.id, 'send', 1, 10, 1000);
    expect(await store.notifications.transition(n.id, ['sending'], 'cancelled', 20)).toBe(true);
    expect(await store.recipients.cancelOpen(n.id, 20)).toBe(2);
    await store.recipients.apply([{ kind: 'retry', id: inFlight!.id, from: 'sending', to: 'ready', nextAttemptAt: 30, error: '503', countAttempt: true }]);
    expect(await store.recipients.counts(n.id)).toMatchObject({ cancelled: 3 });
  });

  it('when failed recipients are retried, then they go back to ready or pending with attempts and repair cleared', async () => {
    const n = await seeded(2);
    const claimed = await store.recipients.claim(n.id, 'install', 2, 10, 1000);
    await store.recipients.apply(claimed.map((row) => ({ kind: 'failed' as const, id: row.id, from: 'installing' as const, reason: 'user_not_found', error: '404', at: 11 })));
    await store.conversations.upsert({ tenantId: n.tenantId, userId: 'u2', conversationId: 'c2', serviceUrl: 'https://s/', source: 'bot', updatedAt: 1 });
    expect(await store.recipients.retryFailed(n.id, 50)).toBe(2);
    expect(await store.recipients.counts(n.id)).toMatchObject({ pending: 1, ready: 1, failed: 0 });
  });

  it('when in-flight rows are released at start-up, then they are due at once', async () => {
    const n = await seeded(2);
    await store.recipients.claim(n.id, 'install', 2, 10, 1_000_000);
    expect(await store.recipients.releaseInFlight()).toBeGreaterThanOrEqual(2);
    expect(await store.recipients.claim(n.id, 'install', 10, 11, 1000)).toHaveLength(2);
  });

  it('when edits and recalls are recorded, then recalled cards are skipped by later edits and recalls', async () => {
    const n = await seeded(3);
    await store.recipients.promoteUser(n.tenantId, 'u1', 'c1', 's', 5);
    await store.recipients.promoteUser(n.tenantId, 'u2', 'c2', 's', 5);
    const sending = await store.recipients.claim(n.id, 'send', 10, 10, 1000);
    await store.recipients.apply(sending.map((row) => ({ kind: 'sent' as const, id: row.id, activityId: `a${row.id}`, at: 11 })));
    const sent = await store.recipients.sentAfter(n.id, 0, 10);
    expect(sent).toHaveLength(2);
    await store.recipients.apply([{ kind: 'followup', id: sent[0]!.id, status: 'recalled', reason: null }, { kind: 'followup', id: sent[1]!.id, status: 'failed', reason: 'activity_not_found' }]);
    await store.recipients.resetFollowups(n.id);
    const left = await store.recipients.sentAfter(n.id, 0, 10, 'updated');
    expect(left.map((row) => [row.id, row.followupStatus])).toEqual([[sent[1]!.id, null]]);
  });

  it('when notifications change status, then only allowed transitions happen and due scheduled ones are listed', async () => {
    const n = newNotification({ status: 'scheduled', scheduledAt: 100, timeZone: 'Europe/Paris' });
    await store.notifications.create(n, 1);
    expect((await store.notifications.dueScheduled(100, 1000)).map((row) => row.id)).toContain(n.id);
    expect(await store.notifications.transition(n.id, ['draft'], 'sending', 2)).toBe(false);
    expect(await store.notifications.transition(n.id, ['scheduled'], 'resolving', 2)).toBe(true);
    expect(await store.notifications.transition(n.id, ['resolving'], 'sending', 3)).toBe(true);
    expect(await store.notifications.get(n.id)).toMatchObject({ status: 'sending', startedAt: 3, timeZone: 'Europe/Paris', scheduledAt: 100 });
    expect((await store.notifications.sendingVersions()).map((row) => row.id)).toContain(n.id);
  });

  it('when two holders race for a lease, then exactly one wins', async () => {
    const name = unique('lease');
    const second = await open();
    others.push(second);
    const wins = await Promise.all([store.leases.tryAcquire(name, 'a', 0, 1000), second.leases.tryAcquire(name, 'b', 0, 1000)]);
    expect(wins.filter(Boolean)).toHaveLength(1);
    await store.leases.release(name, wins[0] ? 'a' : 'b');
    expect(await second.leases.tryAcquire(name, 'c', 1, 1000)).toBe(true);
  });
}
