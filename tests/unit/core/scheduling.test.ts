import { BroadcastEngine } from '../../../core/engine/broadcast-engine';
import { claimStart } from '../../../core/scheduling/scheduler';
import { createStore } from '../../../adapters/sql/create-store';
import { FakeClock } from '../../support/fake-clock';
import { draft, harness, testConfig, tmpDbPath, waitForStatus } from './fakes/harness';

describe('scheduled notifications', () => {
  it('when two servers poll at the same moment, then a due notification starts exactly once', async () => {
    const dbPath = tmpDbPath();
    const a = await harness({ users: 5, dbPath });
    const storeB = await createStore({ url: dbPath });
    const b = new BroadcastEngine({ store: storeB, directory: a.directory, installer: a.installer, messenger: a.messenger, config: testConfig(), holder: 'server-b' });
    const notification = await a.engine.createNotification({ ...draft(), scheduledAt: Date.now() - 1000, timeZone: 'Europe/Paris' });
    expect(notification).toMatchObject({ status: 'scheduled', timeZone: 'Europe/Paris' });

    const started = await Promise.all([a.engine.runSchedulerOnce(), b.runSchedulerOnce()]);
    expect(started.sort()).toEqual([0, 1]);
    await a.engine.start();
    await waitForStatus(a, notification.id, 'completed');
    expect(a.messenger.sends).toBe(5);
    await a.engine.stop();
    await a.store.close();
    await storeB.close();
  });

  it('when a notification is scheduled for later, then nothing is sent before its time, and it starts at the first pass after', async () => {
    const clock = new FakeClock();
    const h = await harness({ users: 5, clock, config: { schedulerIntervalMs: 1000, pollIntervalMs: 250 } });
    await h.engine.start();
    const at = clock.now() + 60_000;
    const notification = await h.engine.createNotification({ ...draft(), scheduledAt: at, timeZone: 'Europe/Paris' });
    await clock.advance(at - 1 - clock.now()); // a minute of scheduler passes, the last a millisecond early
    expect((await h.store.notifications.get(notification.id))?.status).toBe('scheduled');
    expect(h.messenger.sends).toBe(0);
    await clock.advance(1000); // the next pass finds it due
    expect((await h.store.notifications.get(notification.id))?.status).not.toBe('scheduled');
    await waitForStatus(h, notification.id, 'completed');
    expect(h.messenger.sends).toBe(5);
    await h.engine.stop();
    await h.store.close();
  });

  it('when a lease is held, then a contender is refused until it expires, and the holder may renew it', async () => {
    const store = await createStore({ url: ':memory:' });
    expect(await claimStart(store, 'n1', 'a', 0)).toBe(true);
    expect(await claimStart(store, 'n1', 'b', 1000)).toBe(false);
    expect(await claimStart(store, 'n1', 'a', 1000)).toBe(true);
    expect(await claimStart(store, 'n1', 'b', 1000 + 10 * 60_000)).toBe(true);
    await store.close();
  });

  it('when the time zone is not an IANA name, then the notification is refused', async () => {
    const h = await harness();
    await expect(h.engine.createNotification({ ...draft(), scheduledAt: '2030-01-01T09:00:00+01:00', timeZone: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'validation_failed' });
    const ok = await h.engine.createNotification({ ...draft(), scheduledAt: '2030-01-01T09:00:00+01:00', timeZone: 'Europe/Paris' });
    expect(ok.scheduledAt).toBe(Date.UTC(2030, 0, 1, 8));
    await h.store.close();
  });
});
