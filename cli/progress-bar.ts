import type { StateCounts } from '../core/recipients/recipient';

const WIDTH = 30;

/** One line of progress: a bar, the counts, the rate and what is left. */
export function progressLine(counts: StateCounts, ratePerSecond: number): string {
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const done = counts.sent + counts.failed + counts.cancelled;
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * WIDTH);
  const left = total - done;
  const eta = ratePerSecond > 0 && left > 0 ? ` · about ${formatDuration(left / ratePerSecond)} left` : '';
  return (
    `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.floor(share * 100)}% ` +
    `${done.toLocaleString('en')}/${total.toLocaleString('en')} · sent ${counts.sent.toLocaleString('en')} · failed ${counts.failed} · ` +
    `installing ${counts.pending + counts.installing} · ${ratePerSecond.toFixed(1)}/s${eta}`
  );
}

/** `45 s`, `2 min 5 s`, `1 h 30 min`: whole seconds rounded up first, so no part ever reads 60. */
export function formatDuration(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  const minutes = Math.round(whole / 60);
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Sends per second from the last few progress samples. */
export class RateMeter {
  private samples: Array<{ at: number; done: number }> = [];

  sample(at: number, done: number): number {
    this.samples.push({ at, done });
    this.samples = this.samples.filter((sample) => at - sample.at <= 5000);
    const first = this.samples[0]!;
    const seconds = (at - first.at) / 1000;
    return seconds > 0 ? (done - first.done) / seconds : 0;
  }
}
