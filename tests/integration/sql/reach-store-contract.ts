import type { SqlStore } from '../../../adapters/sql/sql-store';
import { RecordReceipt } from '../../../core/reach/record-receipt';
import { ReachRetention } from '../../../core/reach/reach-retention';
import { bucketFor, cumulative } from '../../../core/reach/reach-timeline';
import { ResponseEvents } from '../../../core/responses/response-events';
import { silentLogger, type Logger } from '../../../core/shared/logger';
import { systemClock } from '../../../core/shared/clock';
import { FakeClock } from '../../support/fake-clock';

const CARD = { type: 'AdaptiveCard' as const, version: '1.5', body: [] };
/** A tenant of its own per test, so the contract runs on a shared PostgreSQL database too. */
let TENANT = 'tenant-1';
const id = (name: string) => `${TENANT}:${name}`;
const DAY = 24 * 60 * 60 * 1000;

/** A notification delivered to `people`, each in their own chat ("chat-<user>"), with the given activity ids. */
async function delivered(store: SqlStore, id: string, activityIds: Record<string, string | null>): Promise<void> {
  await store.notifications.create({ id, tenantId: TENANT, title: id, card: CARD, audience: { include: [{ kind: 'everyone' }], exclude: [], includeGuests: false }, createdBy: 'a', status: 'sending' }, 1);
  const users = Object.keys(activityIds);
  for (const userId of users) {
    await store.conversations.upsert({ tenantId: TENANT, userId, conversationId: `chat-${userId}`, serviceUrl: 'https://smba.test/', source: 'bot', updatedAt: 1 });
  }
  await store.recipients.add(id, TENANT, users.map((userId) => ({ userId, upn: `${userId}@x.test`, displayName: userId })), 1);
  for (const [userId, activityId] of Object.entries(activityIds)) {
    await store.db
      .updateTable('recipients')
      .set({ state: activityId === null ? 'failed' : 'sent', activity_id: activityId, sent_at: 2 })
      .where('notification_id', '=', id)
      .where('user_id', '=', userId)
      .execute();
  }
}

const seenOf = async (store: SqlStore, id: string): Promise<Record<string, number | null>> =>
  Object.fromEntries((await store.recipients.page(id, 0, 100)).map((recipient) => [recipient.userId, recipient.seenAt ?? null]));

const receipt = (userId: string, lastReadMessageId: string, at: number) => ({ tenantId: TENANT, userId, conversationId: `chat-${userId}`, lastReadMessageId, at });

/** Reach in SQL, on whichever database `open` gives (SQLite here, PostgreSQL in test:scale). */
export function reachStoreContract(open: () => Promise<SqlStore>): void {
  describe('read receipts mark recipients seen', () => {
    let store: SqlStore;
    beforeEach(async () => {
      TENANT = `tenant-${globalThis.crypto.randomUUID()}`;
      store = await open();
    });
    afterEach(() => store.close());

    it('when a receipt covers several notifications, then each card up to lastReadMessageId is seen, compared as numbers, and later ones are not', async () => {
      await delivered(store, id('n1'), { ann: '999' });
      await delivered(store, id('n2'), { ann: '1000' });
      await delivered(store, id('n3'), { ann: '1001' });
      // "999" sorts after "1000" as text: the comparison must be numeric.
      const outcome = await store.reach.recordReceipt(receipt('ann', '1000', 50));
      expect(outcome).toEqual({ knownChat: true, notificationIds: expect.arrayContaining([id('n1'), id('n2')]), marked: 2 });
      expect(outcome.notificationIds).toHaveLength(2);
      expect([await seenOf(store, id('n1')), await seenOf(store, id('n2')), await seenOf(store, id('n3'))]).toEqual([{ ann: 50 }, { ann: 50 }, { ann: null }]);
    });

    it('when receipts repeat or arrive late and out of order, then the first time a card was seen is kept', async () => {
      await delivered(store, id('n1'), { bob: '1700000000001' });
      await delivered(store, id('n2'), { bob: '1700000000005' });
      await store.reach.recordReceipt(receipt('bob', '1700000000009', 100));
      // An older receipt (sent before, delivered after) and the same one again change nothing.
      expect(await store.reach.recordReceipt(receipt('bob', '1700000000001', 200))).toMatchObject({ knownChat: true, marked: 0 });
      expect(await store.reach.recordReceipt(receipt('bob', '1700000000009', 300))).toMatchObject({ marked: 0, notificationIds: [] });
      expect([await seenOf(store, id('n1')), await seenOf(store, id('n2'))]).toEqual([{ bob: 100 }, { bob: 100 }]);
      const chat = await store.db.selectFrom('conversations').select('last_receipt_at').where('user_id', '=', 'bob').executeTakeFirstOrThrow();
      expect(Number(chat.last_receipt_at)).toBe(300);
    });

    it('when a receipt is from a person Herald has no chat with, or carries a non-numeric id, then nothing is marked', async () => {
      await delivered(store, id('n1'), { cat: '5', dan: '5' });
      expect(await store.reach.recordReceipt(receipt('stranger', '9', 1))).toEqual({ knownChat: false, notificationIds: [], marked: 0 });
      expect(await store.reach.recordReceipt({ ...receipt('other-tenant-cat', '9', 1), tenantId: 'tenant-2' })).toMatchObject({ knownChat: false });
      expect(await store.reach.recordReceipt(receipt('cat', '1:abc', 1))).toEqual({ knownChat: true, notificationIds: [], marked: 0 });
      expect(await seenOf(store, id('n1'))).toEqual({ cat: null, dan: null });
    });

    it("when Herald knows a person's chat by its Graph id and the receipt names the bot's id for it, then the person's cards are seen", async () => {
      await delivered(store, id('n1'), { eli: '7' });
      await store.conversations.upsert({ tenantId: TENANT, userId: 'eli', conversationId: '19:eli_bot@unq.gbl.spaces', serviceUrl: 'https://smba.test/', source: 'graph', updatedAt: 2 });
      expect(await store.reach.recordReceipt({ ...receipt('eli', '7', 3), conversationId: 'a:1eli-bot-framework-id' })).toMatchObject({ knownChat: true, marked: 1 });
    });

    it('when the funnel is counted, then a person who never sent a receipt is "not known", one who did but not for this card is "not seen"', async () => {
      await delivered(store, id('old'), { eve: '10', fay: '10' });
      await delivered(store, id('new'), { eve: '20', fay: '20', gus: '20', hal: null });
      await store.reach.recordReceipt(receipt('eve', '20', 5));
      await store.reach.recordReceipt(receipt('fay', '10', 5));
      expect(await store.reach.counts(id('new'))).toEqual({ delivered: 3, seen: 1, unknown: 1 });
      const notSeen = await store.reports.recipients(id('new'), { reach: 'not-seen', afterId: 0, limit: 10 });
      expect(notSeen.map((recipient) => recipient.userId)).toEqual(['fay']);
    });

    it('when the timeline is asked for, then first-seen times fall in their buckets since sending and add up', async () => {
      await delivered(store, id('n1'), { ivy: '1', jon: '1', kim: '1' });
      await store.reach.recordReceipt(receipt('ivy', '1', 1_000 + 30_000));
      await store.reach.recordReceipt(receipt('jon', '1', 1_000 + 61_000));
      await store.reach.recordReceipt(receipt('kim', '1', 1_000 + 62_000));
      const buckets = await store.reach.buckets(id('n1'), 1_000, 60_000);
      expect(buckets).toEqual([{ index: 0, seen: 1, acknowledged: 0 }, { index: 1, seen: 2, acknowledged: 0 }]);
      expect(cumulative(buckets, 1_000, 1_000 + 3 * 60_000, 60_000).map((point) => point.seen)).toEqual([0, 1, 3, 3]);
      expect(bucketFor(10 * 60_000)).toBe(60_000);
      expect(bucketFor(7 * DAY)).toBe(6 * 60 * 60_000);
    });

    it('when the retention pass runs, then per-person reach older than the setting is deleted and newer kept', async () => {
      await delivered(store, id('n1'), { lea: '1', max: '1' });
      const clock = new FakeClock(100 * DAY);
      await store.reach.recordReceipt(receipt('lea', '1', 100 * DAY - 31 * DAY));
      await store.reach.recordReceipt(receipt('max', '1', 100 * DAY - 29 * DAY));
      const retention = new ReachRetention({ reach: store.reach, clock, log: silentLogger, retentionDays: 30, everyMs: DAY });
      retention.start();
      await clock.advance(0);
      retention.stop();
      expect(await seenOf(store, id('n1'))).toEqual({ lea: null, max: 100 * DAY - 29 * DAY });
      expect(await store.reach.counts(id('n1'))).toEqual({ delivered: 2, seen: 1, unknown: 1 });
    });
  });

  describe('the RecordReceipt use case', () => {
    let store: SqlStore;
    beforeEach(async () => {
      TENANT = `tenant-${globalThis.crypto.randomUUID()}`;
      store = await open();
    });
    afterEach(() => store.close());

    const logged: string[] = [];
    const log: Logger = { ...silentLogger, info: (_fields, message) => void logged.push(message), warn: (_fields, message) => void logged.push(message) };

    it('when a burst of receipts arrives together, then each gets its own outcome and the live report hears of each notification', async () => {
      await delivered(store, id('n1'), Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`p${i}`, String(1000 + i)])));
      const events = new ResponseEvents();
      const told: string[] = [];
      events.on('recorded', (id) => told.push(id));
      const use = new RecordReceipt({ store, events, clock: systemClock, log });
      const outcomes = await Promise.all(
        Array.from({ length: 300 }, (_, i) => use.record({ tenantId: TENANT, userId: `p${i}`, conversationId: `chat-p${i}`, conversationType: 'personal', lastReadMessageId: String(5000) })),
      );
      expect(outcomes.every((outcome) => outcome.marked === 1)).toBe(true);
      expect(told).toHaveLength(300);
      expect(await store.reach.counts(id('n1'))).toMatchObject({ delivered: 300, seen: 300, unknown: 0 });
    });

    it('when a receipt is from a group chat, malformed, or for an unknown chat, then nothing changes and a sentence is logged', async () => {
      await delivered(store, id('n1'), { zed: '1' });
      const use = new RecordReceipt({ store, events: new ResponseEvents(), clock: systemClock, log });
      logged.length = 0;
      expect(await use.record({ tenantId: TENANT, userId: 'zed', conversationId: 'chat-zed', conversationType: 'groupChat', lastReadMessageId: '9' })).toMatchObject({ ignored: 'not-personal' });
      expect(await use.record({ tenantId: TENANT, conversationId: 'chat-zed', lastReadMessageId: '9' })).toMatchObject({ ignored: 'malformed' });
      expect(await use.record({ tenantId: TENANT, userId: 'nobody-herald-knows', conversationId: 'chat-who', conversationType: 'personal', lastReadMessageId: '9' })).toMatchObject({ ignored: 'unknown-chat' });
      expect(logged).toEqual([expect.stringMatching(/not a 1:1 chat/), expect.stringMatching(/without its tenant, person/), expect.stringMatching(/no record of/)]);
      expect(await seenOf(store, id('n1'))).toEqual({ zed: null });
    });
  });
}
