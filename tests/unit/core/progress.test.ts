import { ProgressHub, type ProgressEvent } from '../../../core/delivery/progress';
import { emptyCounts } from '../../../core/recipients/recipient';
import { silentLogger } from '../../../core/shared/logger';
import type { RecipientStore } from '../../../core/store/store';

describe('ProgressHub', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** A store whose count takes `countMs` of the (fake) clock, as a GROUP BY over a large notification would. */
  function hubWithCountsTaking(countMs: number) {
    const counts = jest.fn(async () => {
      jest.advanceTimersByTime(countMs);
      return emptyCounts();
    });
    const hub = new ProgressHub({ counts } as unknown as RecipientStore, { intervalMs: 500, now: () => Date.now(), logger: silentLogger });
    const events: ProgressEvent[] = [];
    hub.subscribe((event) => events.push(event));
    return { hub, counts, events };
  }

  it('counts a dirty notification once per interval when counting is cheap', async () => {
    const { hub, counts, events } = hubWithCountsTaking(1);
    hub.markDirty('n1');
    hub.markDirty('n1');
    await jest.advanceTimersByTimeAsync(500);
    expect(counts).toHaveBeenCalledTimes(1);
    hub.markDirty('n1');
    await jest.advanceTimersByTimeAsync(500);
    expect(counts).toHaveBeenCalledTimes(2);
    expect(events).toHaveLength(2);
    hub.stop();
  });

  it('waits a hundred times as long as the last count took before counting again, so counting stays ~1% of the time', async () => {
    const { hub, counts } = hubWithCountsTaking(20);
    hub.markDirty('n1');
    await jest.advanceTimersByTimeAsync(500);
    expect(counts).toHaveBeenCalledTimes(1);
    hub.markDirty('n1');
    await jest.advanceTimersByTimeAsync(1500);
    expect(counts).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(500);
    expect(counts).toHaveBeenCalledTimes(2);
    hub.stop();
  });
});
