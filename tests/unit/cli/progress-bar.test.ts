import { formatDuration, progressLine, RateMeter } from '../../../cli/progress-bar';
import { emptyCounts, type StateCounts } from '../../../core/recipients/recipient';

const counts = (partial: Partial<StateCounts>): StateCounts => ({ ...emptyCounts(), ...partial });

describe('the command line progress bar', () => {
  it.each([
    [0.2, '1 s'],
    [59, '59 s'],
    [59.5, '1 min 0 s'],
    [119.5, '2 min 0 s'],
    [125, '2 min 5 s'],
    [3599.5, '1 h 0 min'],
    [5400, '1 h 30 min'],
    [7170, '2 h 0 min'],
  ])('formats %s seconds as "%s"', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('when a third is done, then the bar is a third full and the time left follows the rate', () => {
    const line = progressLine(counts({ sent: 250, failed: 50, pending: 100, installing: 50, ready: 400, sending: 50 }), 50);
    expect(line).toBe('[##########....................] 33% 300/900 · sent 250 · failed 50 · installing 150 · 50.0/s · about 12 s left');
  });

  it('when nothing is left, then the bar is full and no time left is printed', () => {
    expect(progressLine(counts({ sent: 1999, cancelled: 1 }), 12.5)).toBe('[##############################] 100% 2,000/2,000 · sent 1,999 · failed 0 · installing 0 · 12.5/s');
  });

  it('when the audience is empty, then the bar is full rather than dividing by zero', () => {
    expect(progressLine(counts({}), 0)).toMatch(/^\[#{30}\] 100% 0\/0 /);
  });

  it('measures the rate over the last five seconds only', () => {
    const meter = new RateMeter();
    expect(meter.sample(0, 0)).toBe(0);
    expect(meter.sample(1000, 100)).toBe(100);
    expect(meter.sample(5000, 500)).toBe(100);
    // The sample at 0 is now older than five seconds: the rate is over 1 s .. 6 s.
    expect(meter.sample(6000, 1500)).toBe(280);
  });
});
