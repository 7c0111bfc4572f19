import { DeliveryLease } from '../../../core/delivery/delivery-lease';
import { silentLogger } from '../../../core/shared/logger';
import { FakeClock } from '../../support/fake-clock';
import { draft, harness, type Harness } from './fakes/harness';

const TTL = 5000;

describe('the delivery lease (one deliverer per database)', () => {
  let h: Harness;
  let clock: FakeClock;
  const lease = (holder: string) => new DeliveryLease(h.store, { clock, logger: silentLogger, holder, ttlMs: TTL });

  /** A sending notification with `count` rows claimed for sending: calls on the wire, with a lease of 5 minutes. */
  async function callsInFlight(count: number): Promise<string> {
    const notification = await h.engine.createNotification(draft());
    await h.engine.send(notification.id);
    await h.store.recipients.claim(notification.id, 'install', count, clock.now(), 5 * 60_000);
    return notification.id;
  }
  const due = async (notificationId: string) =>
    (await h.store.recipients.page(notificationId, 0, 100, 'installing')).filter((row) => row.nextAttemptAt <= clock.now()).length;

  beforeEach(async () => {
    clock = new FakeClock();
    h = await harness({ users: 5, clock });
  });
  afterEach(() => h.store.close());

  it('when one process holds it, then another may not deliver, however often it asks, while the holder renews it', async () => {
    const server = lease('server');
    const cli = lease('cli');
    expect(await server.mayDeliver()).toBe(true);
    for (let second = 0; second < 60; second += 1) {
      await clock.advance(1000); // the dispatcher asks on every pass; the holder renews every fifth of the lease
      expect(await server.mayDeliver()).toBe(true);
      expect(await cli.mayDeliver()).toBe(false);
    }
    expect(server.holding).toBe(true);
    expect(cli.holding).toBe(false);
  });

  it('when the holder stalls past its lease, then the next asker takes over, resumes the calls in flight, and the stalled one stands down', async () => {
    const server = lease('server');
    const cli = lease('cli');
    expect(await server.mayDeliver()).toBe(true);
    const notificationId = await callsInFlight(3);

    await clock.advance(TTL - 1);
    expect(await cli.mayDeliver()).toBe(false);
    expect(await due(notificationId)).toBe(0); // a refused asker touches nothing

    await clock.advance(1);
    expect(await cli.mayDeliver()).toBe(true);
    expect(await due(notificationId)).toBe(3); // taken over: what the stalled holder had in flight is due at once

    expect(await server.mayDeliver()).toBe(false);
    expect(server.holding).toBe(false);
  });

  it('when the holder renews its own lease, then its calls in flight are left alone', async () => {
    const server = lease('server');
    expect(await server.mayDeliver()).toBe(true);
    const notificationId = await callsInFlight(3);
    for (let step = 0; step < 10; step += 1) {
      await clock.advance(TTL / 5);
      expect(await server.mayDeliver()).toBe(true);
    }
    expect(await due(notificationId)).toBe(0);
  });

  it('when a process takes the lease as it starts, then rows left in flight by whoever delivered before are due at once', async () => {
    const notificationId = await callsInFlight(3);
    expect(await due(notificationId)).toBe(0);
    expect(await lease('server').mayDeliver()).toBe(true);
    expect(await due(notificationId)).toBe(3);
  });

  it('when the holder stops cleanly, then another process takes over at once instead of after the lease', async () => {
    const server = lease('server');
    const cli = lease('cli');
    expect(await server.mayDeliver()).toBe(true);
    expect(await cli.mayDeliver()).toBe(false);
    await server.release();
    expect(server.holding).toBe(false);
    expect(await cli.mayDeliver()).toBe(true);
    await server.release(); // releasing a lease it no longer holds leaves the new holder's alone
    expect(await lease('third').mayDeliver()).toBe(false);
  });
});
