import type { BroadcastEngine } from '../../../core/engine/broadcast-engine';
import type { ProgressListener } from '../../../core/delivery/progress';
import type { NotificationStatus } from '../../../core/notifications/notification';
import { emptyCounts, type StateCounts } from '../../../core/recipients/recipient';
import type { Store } from '../../../core/store/store';
import { watchProgress } from '../../../cli/watch';

/** A notification whose rows and status the test moves, as another process sharing the database would. */
function sharedNotification() {
  const listeners = new Set<ProgressListener>();
  const state = { status: 'sending' as NotificationStatus, counts: { ...emptyCounts(), ready: 10 } as StateCounts, countCalls: 0 };
  const engine = {
    counts: async () => {
      state.countCalls += 1;
      return { ...state.counts };
    },
    subscribe: (listener: ProgressListener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as BroadcastEngine;
  const store = { notifications: { get: async (id: string) => (id === 'n1' ? { id, status: state.status } : undefined) } } as unknown as Store;
  const lines: string[] = [];
  const out = { isTTY: false, write: (text: string) => lines.push(text) } as unknown as NodeJS.WriteStream;
  const emit = (event: Parameters<ProgressListener>[0]) => listeners.forEach((listener) => listener(event));
  return { engine, store, out, state, lines, emit, listeners };
}

describe('watching a broadcast from the command line', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('when another process delivers and completes the notification, then the watch ends with its counts', async () => {
    const shared = sharedNotification();
    let ended: NotificationStatus | undefined;
    void watchProgress(shared, 'n1', shared.out).then((status) => (ended = status));
    await jest.advanceTimersByTimeAsync(1000);
    expect(ended).toBeUndefined();
    shared.state.counts = { ...emptyCounts(), sent: 9, failed: 1 };
    shared.state.status = 'completed';
    await jest.advanceTimersByTimeAsync(500);
    expect(ended).toBe('completed');
    expect(shared.lines.at(-1)).toMatch(/^\[#{30}\] 100% 10\/10 · sent 9 · failed 1 /);
    expect(shared.listeners.size).toBe(0);
  });

  it('when this process publishes counts, then the bar draws them without counting again', async () => {
    const shared = sharedNotification();
    void watchProgress(shared, 'n1', shared.out);
    await jest.advanceTimersByTimeAsync(0);
    const before = shared.state.countCalls;
    for (let tick = 0; tick < 4; tick += 1) {
      shared.emit({ type: 'progress', notificationId: 'n1', counts: { ...emptyCounts(), ready: 5, sent: tick }, at: Date.now() });
      await jest.advanceTimersByTimeAsync(500);
    }
    expect(shared.state.countCalls).toBe(before);
    // Published counts stop (the work moved to a server beside us): after two seconds the bar counts for itself.
    await jest.advanceTimersByTimeAsync(2500);
    expect(shared.state.countCalls).toBeGreaterThan(before);
    shared.emit({ type: 'status', notificationId: 'n1', status: 'cancelled', at: Date.now() });
  });

  it('when the notification was already over, then the watch ends at once', async () => {
    const shared = sharedNotification();
    shared.state.status = 'cancelled';
    await expect(watchProgress(shared, 'n1', shared.out)).resolves.toBe('cancelled');
  });
});
