import { CompletionBuffer } from '../../../core/delivery/completion-buffer';
import { silentLogger } from '../../../core/shared/logger';
import type { Outcome } from '../../../core/store/outcomes';
import type { RecipientStore } from '../../../core/store/store';
import { FakeClock } from '../../support/fake-clock';

const sent = (id: number): Outcome => ({ kind: 'sent', id, activityId: `1:${id}`, at: 0 });

/** A store that records each batch it is asked to write; `failNext` makes the next writes throw, as a busy database would. */
function recordingStore() {
  const written: number[][] = [];
  const store = {
    failNext: 0,
    async apply(batch: Outcome[]): Promise<void> {
      if (store.failNext > 0) {
        store.failNext -= 1;
        throw new Error('database is locked');
      }
      written.push(batch.map((outcome) => outcome.id));
    },
  };
  return { store, written };
}

function buffer(options: { intervalMs?: number; batch?: number } = {}) {
  const clock = new FakeClock(0);
  const { store, written } = recordingStore();
  const flushed: number[][] = [];
  const completions = new CompletionBuffer(store as unknown as RecipientStore, {
    intervalMs: options.intervalMs ?? 50,
    batch: options.batch ?? 500,
    clock,
    logger: silentLogger,
    onFlushed: (outcomes) => flushed.push(outcomes.map((outcome) => outcome.id)),
  });
  return { clock, store, written, flushed, completions };
}

describe('the completion buffer', () => {
  it('writes what gathered in one transaction when the interval has passed since the first outcome, not before', async () => {
    const { clock, written, flushed, completions } = buffer();
    completions.add(sent(1));
    await clock.advance(30);
    completions.add(sent(2)); // a later outcome does not postpone the write
    await clock.advance(19);
    expect(written).toEqual([]);
    expect(completions.size).toBe(2);
    await clock.advance(1);
    expect(written).toEqual([[1, 2]]);
    expect(flushed).toEqual([[1, 2]]);
    expect(clock.pending).toBe(0);
  });

  it('writes at once when a full batch is waiting', async () => {
    const { clock, written, completions } = buffer({ batch: 3 });
    for (let id = 1; id <= 3; id += 1) completions.add(sent(id));
    await clock.advance(0);
    expect(written).toEqual([[1, 2, 3]]);
    completions.add(sent(4));
    await clock.advance(49);
    expect(written).toEqual([[1, 2, 3]]);
    await clock.advance(1);
    expect(written).toEqual([[1, 2, 3], [4]]);
  });

  it('when a write fails, then the outcomes are kept and written again half a second later, with those that came meanwhile', async () => {
    const { clock, store, written, flushed, completions } = buffer();
    store.failNext = 1;
    completions.add(sent(1));
    await clock.advance(50);
    expect(written).toEqual([]);
    expect(completions.size).toBe(1);
    completions.add(sent(2));
    await clock.advance(499);
    expect(written).toEqual([]);
    await clock.advance(1);
    expect(written).toEqual([[1, 2]]);
    expect(flushed).toEqual([[1, 2]]);
  });

  it('when discarded (a crash), then nothing waiting is written, now or later', async () => {
    const { clock, written, completions } = buffer();
    completions.add(sent(1));
    completions.discard();
    completions.add(sent(2));
    expect(clock.pending).toBe(0);
    await clock.advance(10_000);
    await completions.flush();
    expect(written).toEqual([]);
  });
});
