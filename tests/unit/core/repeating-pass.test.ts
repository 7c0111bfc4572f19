import { RepeatingPass } from '../../../core/shared/repeating-pass';
import { FakeClock } from '../../support/fake-clock';

describe('a repeating pass', () => {
  it('runs every interval measured from the end of the previous pass, so passes never overlap', async () => {
    const clock = new FakeClock(0);
    const runs: Array<{ start: number; end: number }> = [];
    const loop = new RepeatingPass(
      async () => {
        const start = clock.now();
        await clock.sleep(30); // a pass that takes 30 ms
        runs.push({ start, end: clock.now() });
      },
      100,
      () => undefined,
      clock,
    );
    loop.start();
    await clock.advance(99);
    expect(runs).toEqual([]);
    await clock.advance(301);
    expect(runs).toEqual([
      { start: 100, end: 130 },
      { start: 230, end: 260 },
      { start: 360, end: 390 },
    ]);
    await loop.stop();
  });

  it('when a pass fails, then the failure is reported and the next pass still runs', async () => {
    const clock = new FakeClock(0);
    const errors: unknown[] = [];
    let runs = 0;
    const loop = new RepeatingPass(
      async () => {
        runs += 1;
        if (runs === 1) throw new Error('database is locked');
      },
      100,
      (error) => errors.push(error),
      clock,
    );
    loop.start();
    await clock.advance(200);
    expect(runs).toBe(2);
    expect(errors).toEqual([new Error('database is locked')]);
    await loop.stop();
  });

  it('when stopped during a pass, then stop waits for that pass and no pass runs after it', async () => {
    const clock = new FakeClock(0);
    let runs = 0;
    let finished = 0;
    const loop = new RepeatingPass(
      async () => {
        runs += 1;
        await clock.sleep(50);
        finished += 1;
      },
      100,
      () => undefined,
      clock,
    );
    loop.start();
    await clock.advance(120); // the first pass is half done
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await clock.advance(29);
    expect(stopped).toBe(false);
    await clock.advance(1);
    await stopping;
    expect(finished).toBe(1);
    await clock.advance(10_000);
    expect(runs).toBe(1);
    expect(clock.pending).toBe(0);
  });
});
