import { PlatformError } from '../../../core/ports/platform-error';
import { chatIdOf } from './fakes/fake-installer';
import { userId } from './fakes/fake-directory';
import { FakeClock } from '../../support/fake-clock';
import { UNLIMITED } from '../../../core/delivery/rate-limiter';
import { CARD, SERVICE_URL, TENANT, draft, eventually, harness, tmpDbPath, waitForStatus, type Harness } from './fakes/harness';

describe('controlling a broadcast: cancel, resend, edit, recall', () => {
  let h: Harness;
  afterEach(async () => {
    await h.engine.stop();
    await h.store.close();
  });

  it('when cancelled mid-way, then nobody new is messaged, in-flight sends finish, and the rest are cancelled', async () => {
    h = await harness({ users: 100, config: { maxSendsInFlight: 4 } });
    let release!: () => void;
    h.messenger.beforeSend = () => {
      if (h.messenger.sends === 10) h.messenger.hold = new Promise((resolve) => (release = resolve));
    };
    await h.engine.start();
    const notification = await h.engine.createNotification(draft());
    await h.engine.send(notification.id);
    await eventually(async () => h.messenger.sends >= 10, 'ten sends');
    await h.engine.cancel(notification.id);
    release();
    await eventually(async () => (await h.engine.counts(notification.id)).sending === 0, 'in-flight sends settle');
    const counts = await h.engine.counts(notification.id);
    expect(counts.sent).toBe(h.messenger.sends);
    expect(counts.sent + counts.cancelled).toBe(100);
    expect(counts.pending + counts.installing + counts.ready).toBe(0);
    expect((await h.store.notifications.get(notification.id))?.status).toBe('cancelled');
  });

  it('when failed recipients are resent after the cause is fixed, then they are delivered and the notification completes again', async () => {
    h = await harness({ users: 3 });
    h.installer.fail(userId(2), new PlatformError('graph', 403, 'Forbidden', 'policy'), 99);
    await h.engine.start();
    const notification = await h.engine.createNotification(draft());
    await h.engine.send(notification.id);
    await waitForStatus(h, notification.id, 'completed');
    h.installer.heal(userId(2));
    expect(await h.engine.resendFailed(notification.id)).toBe(1);
    await eventually(async () => (await h.engine.counts(notification.id)).sent === 3, 'all three sent');
    await waitForStatus(h, notification.id, 'completed');
    expect(h.messenger.delivered.get(chatIdOf(userId(1)))).toBe(1);
  });

  it('when a sent card is edited and then recalled, then every chat gets the update and the delete, each outcome recorded', async () => {
    h = await harness({ users: 4 });
    await h.engine.start();
    const notification = await h.engine.createNotification(draft());
    await h.engine.send(notification.id);
    await waitForStatus(h, notification.id, 'completed');
    h.messenger.fail(chatIdOf(userId(3)), new PlatformError('connector', 404, 'ActivityNotFoundInConversation', 'deleted by user'));

    const edit = await h.engine.edit(notification.id, { ...CARD, body: [{ type: 'TextBlock', text: 'Corrected' }] });
    expect(edit).toMatchObject({ total: 4, succeeded: 3, failed: 1, reasons: { activity_not_found: 1 } });
    expect(h.messenger.updated).toHaveLength(3);
    expect((await h.store.notifications.get(notification.id))?.card.body).toEqual([{ type: 'TextBlock', text: 'Corrected' }]);

    const recall = await h.engine.recall(notification.id);
    expect(recall).toMatchObject({ total: 4, succeeded: 4, failed: 0 });
    const rows = await h.store.recipients.page(notification.id, 0, 10);
    expect(rows.map((row) => row.followupStatus)).toEqual(['recalled', 'recalled', 'recalled', 'recalled']);
    expect(await h.engine.recall(notification.id)).toMatchObject({ total: 0 });
  });
});

describe('cancel at Teams\' real limit (on a fake clock)', () => {
  it('when cancelled while calls wait for a slot, then none of them is made, ever, and only the calls already made count as sent', async () => {
    const clock = new FakeClock();
    const h = await harness({ users: 200, clock, config: { limits: { ...UNLIMITED, connector: 50 } } });
    for (let n = 1; n <= 200; n += 1) {
      await h.engine.recordConversation({ tenantId: TENANT, userId: userId(n), conversationId: chatIdOf(userId(n)), serviceUrl: SERVICE_URL, source: 'bot' });
    }
    await h.engine.start();
    const notification = await h.engine.createNotification(draft());
    await h.engine.send(notification.id);
    // Fifty sends fill Teams' one-second window; the next claimed ones wait for a slot.
    await clock.until(() => h.messenger.sends === 50, 'the first second\'s fifty sends', { stepMs: 1 });
    await clock.advance(10); // the fifty outcomes are written; a full in-flight room (64) is claimed and waiting
    expect(await h.engine.counts(notification.id)).toMatchObject({ sent: 50, sending: 64 });
    await h.engine.cancel(notification.id);
    // Ten seconds of the clock: ten windows in which the waiting calls could have gone.
    await clock.advance(10_000);
    expect(h.messenger.sends).toBe(50);
    const counts = await h.engine.counts(notification.id);
    expect(counts).toMatchObject({ sent: 50, cancelled: 150, sending: 0, ready: 0 });
    expect((await h.store.notifications.get(notification.id))?.status).toBe('cancelled');
    await h.engine.stop();
    await h.store.close();
  });
});

describe('resuming after an abrupt stop', () => {
  it('when the process dies mid-broadcast, then a new one finishes it: everyone once, except sends recorded as in flight', async () => {
    const dbPath = tmpDbPath();
    const first = await harness({ users: 300, dbPath, config: { maxSendsInFlight: 16, flushIntervalMs: 50, flushBatch: 20 } });
    for (let n = 1; n <= 150; n += 1) first.installer.installed.add(userId(n));
    first.messenger.beforeSend = () => {
      if (first.messenger.sends === 120) void first.engine.halt();
    };
    await first.engine.start();
    const notification = await first.engine.createNotification(draft());
    await first.engine.send(notification.id);
    await eventually(async () => first.messenger.sends >= 120, 'the crash point');
    await first.engine.halt();
    const inFlight = new Set((await first.store.recipients.page(notification.id, 0, 1000, 'sending')).map((row) => row.conversationId));
    await first.store.close();

    const second = await harness({ dbPath, directory: first.directory, installer: first.installer, messenger: first.messenger });
    first.messenger.beforeSend = undefined;
    await second.engine.start();
    await waitForStatus(second, notification.id, 'completed');
    expect(await second.engine.counts(notification.id)).toMatchObject({ sent: 300, failed: 0 });
    const deliveries = [...first.messenger.delivered.entries()];
    expect(deliveries).toHaveLength(300);
    const twice = deliveries.filter(([, count]) => count > 1).map(([conversation]) => conversation);
    expect(deliveries.every(([, count]) => count <= 2)).toBe(true);
    for (const conversation of twice) expect(inFlight.has(conversation)).toBe(true);
    // The documented bound: sends in flight plus completions not yet written (core/README.md).
    expect(twice.length).toBeLessThanOrEqual(16 + 20);
    await second.engine.stop();
    await second.store.close();
  });
});

describe('one deliverer per database (on a fake clock)', () => {
  it('when a second process starts beside a delivering one, then it re-sends nothing and takes over only when the first stops', async () => {
    const clock = new FakeClock();
    const dbPath = tmpDbPath();
    const first = await harness({ users: 40, dbPath, clock, config: { maxSendsInFlight: 8 } });
    let release!: () => void;
    first.messenger.hold = new Promise((resolve) => (release = resolve));
    await first.engine.start();
    const notification = await first.engine.createNotification(draft());
    await first.engine.send(notification.id);
    await clock.until(() => first.messenger.sends === 8, 'eight sends on the wire');

    // A command line started beside the server (same database): it must neither deliver nor resume the first's calls,
    // however long it runs: here five lives of the delivery lease (200 ms in tests), which the first keeps renewing.
    const second = await harness({ dbPath, clock, directory: first.directory, installer: first.installer, messenger: first.messenger });
    await second.engine.start();
    await clock.advance(5 * 200);
    expect(first.messenger.sends).toBe(8);
    const inFlight = await second.store.recipients.page(notification.id, 0, 100, 'sending');
    expect(inFlight).toHaveLength(8);
    for (const row of inFlight) expect(row.nextAttemptAt).toBeGreaterThan(clock.now());

    first.messenger.hold = undefined;
    release();
    await waitForStatus(first, notification.id, 'completed');
    expect([...first.messenger.delivered.values()]).toEqual(Array.from({ length: 40 }, () => 1));

    // The first stops (its lease is released): the second delivers the next broadcast at its next poll.
    await first.engine.stop();
    await first.store.close();
    const next = await second.engine.createNotification(draft());
    await second.engine.send(next.id);
    await waitForStatus(second, next.id, 'completed');
    expect([...first.messenger.delivered.values()]).toEqual(Array.from({ length: 40 }, () => 2));
    await second.engine.stop();
    await second.store.close();
  });

  it('when the deliverer dies, then the next process sends nothing until the dead one\'s lease runs out, then resumes its calls at once', async () => {
    const clock = new FakeClock();
    const dbPath = tmpDbPath();
    const first = await harness({ users: 30, dbPath, clock, config: { maxSendsInFlight: 6 } });
    first.messenger.hold = new Promise(() => undefined); // answers that never come: the process dies with six calls on the wire
    const startedAt = clock.now(); // the first takes the delivery lease (200 ms in tests) as it starts
    await first.engine.start();
    const notification = await first.engine.createNotification(draft());
    await first.engine.send(notification.id);
    await clock.until(() => first.messenger.sends === 6, 'six sends on the wire');
    void first.engine.halt();
    const diedAt = clock.now();
    first.messenger.hold = undefined;

    const second = await harness({ dbPath, clock, directory: first.directory, installer: first.installer, messenger: first.messenger });
    await second.engine.start();
    // The dead process's lease runs at least 200 ms from its start (longer if it renewed it): until then the second
    // sends nothing, and the rows stay in flight.
    await clock.advance(startedAt + 200 - 1 - clock.now());
    expect(first.messenger.sends).toBe(6);
    expect(await second.engine.counts(notification.id)).toMatchObject({ sending: 6, sent: 0 });
    // Then the second takes the lease over and sends again what was in flight at once: within the lease's life and a
    // few polls of the death, not after the rows' own five-minute lease.
    await waitForStatus(second, notification.id, 'completed');
    expect(clock.now()).toBeLessThanOrEqual(diedAt + 200 + 50);
    expect(await second.engine.counts(notification.id)).toMatchObject({ sent: 30 });
    // The six calls on the wire at the death never reached anyone, so each person has exactly one copy.
    expect([...first.messenger.delivered.values()]).toEqual(Array.from({ length: 30 }, () => 1));
    expect(first.messenger.sends).toBe(36);
    await second.engine.stop();
    await second.store.close();
    await first.store.close();
  });
});
