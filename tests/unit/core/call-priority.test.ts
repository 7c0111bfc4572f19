import { CallWindow } from '../../../core/delivery/call-window';
import { FakeClock } from '../../support/fake-clock';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('one Connector budget: first deliveries before updates and reminders', () => {
  it('when reminders wait and a delivery arrives later, then the delivery takes the next free slot', async () => {
    const clock = new FakeClock(0);
    const window = new CallWindow(2, 1000, clock);
    const order: string[] = [];
    const held = await Promise.all([window.acquire('fill'), window.acquire('fill')]);
    for (let i = 0; i < 3; i += 1) void window.acquire('fill').then((release) => (order.push(`reminder${i}`), release()));
    void window.acquire('first').then((release) => (order.push('delivery'), release()));
    await settle();
    expect(order).toEqual([]);
    expect(window.waiting('first')).toBe(1);
    expect(window.waiting('fill')).toBe(3);
    for (const release of held) release();
    await clock.advance(1000);
    await settle();
    expect(order[0]).toBe('delivery');
    await clock.advance(3000);
    await settle();
    expect(order).toEqual(['delivery', 'reminder0', 'reminder1', 'reminder2']);
  });

  it('when no delivery waits, then reminders use the whole window (nothing is held back for deliveries that never come)', async () => {
    const clock = new FakeClock(0);
    const window = new CallWindow(5, 1000, clock);
    let granted = 0;
    for (let i = 0; i < 5; i += 1) void window.acquire('fill').then(() => (granted += 1));
    await settle();
    expect(granted).toBe(5);
  });
});
