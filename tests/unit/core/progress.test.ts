import { ProgressHub, type ProgressEvent } from '../../../core/delivery/progress';
import { emptyCounts } from '../../../core/recipients/recipient';
import { silentLogger } from '../../../core/shared/logger';
import type { RecipientStore } from '../../../core/store/store';
import { FakeClock } from '../../support/fake-clock';

describe('ProgressHub', () => {
  /** A store whose count takes `countMs` of the (fake) clock, as a GROUP BY over a large notification would. */
  function hubWithCountsTaking(countMs: number) {
    const clock = new FakeClock(0);
    const counts = jest.fn(async () => {
      await clock.advance(countMs);
      return emptyCounts();
    });
    const hub = new ProgressHub({ counts } as unknown as RecipientStore, { intervalMs: 500, clock, logger: silentLogger });
    const events: ProgressEvent[] = [];
    hub.subscribe((event) => events.push(event));
    return { hub, clock, counts, events };
  }

  it('counts a dirty notification once per interval when counting is cheap', async () => {
    const { hub, clock, counts, events } = hubWithCountsTaking(1);
    hub.markDirty('n1');
    hub.markDirty('n1');
    await clock.advance(499);
    expect(counts).not.toHaveBeenCalled();
    await clock.advance(1);
    expect(counts).toHaveBeenCalledTimes(1);
    hub.markDirty('n1');
    await clock.advance(500);
    expect(counts).toHaveBeenCalledTimes(2);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ type: 'progress', notificationId: 'n1', at: 1002 });
    hub.stop();
  });

  it('waits a hundred times as long as the last count took before counting again, so counting stays ~1% of the time', async () => {
    const { hub, clock, counts } = hubWithCountsTaking(20);
    hub.markDirty('n1');
    await clock.advance(500);
    expect(counts).toHaveBeenCalledTimes(1);
    hub.markDirty('n1');
    await clock.advance(1999);
    expect(counts).toHaveBeenCalledTimes(1);
    await clock.advance(1);
    expect(counts).toHaveBeenCalledTimes(2);
    hub.stop();
  });

  it('when stopped, then a count already due never runs and nothing is left waiting on the clock', async () => {
    const { hub, clock, counts } = hubWithCountsTaking(1);
    hub.markDirty('n1');
    hub.stop();
    expect(clock.pending).toBe(0);
    await clock.advance(10_000);
    expect(counts).not.toHaveBeenCalled();
  });

  it('when nobody listens, then marking a notification dirty counts nothing', async () => {
    const clock = new FakeClock(0);
    const counts = jest.fn(async () => emptyCounts());
    const hub = new ProgressHub({ counts } as unknown as RecipientStore, { intervalMs: 500, clock, logger: silentLogger });
    hub.markDirty('n1');
    await clock.advance(10_000);
    expect(counts).not.toHaveBeenCalled();
    expect(clock.pending).toBe(0);
  });
});
