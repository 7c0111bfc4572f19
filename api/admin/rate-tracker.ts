/** How far back the sending rate looks: long enough to smooth bursts, short enough to follow a slowdown. */
const WINDOW_MS = 10_000;

/**
 * Recent (time, processed) samples per notification, from the counts each report already reads, so the rate
 * costs no query. Samples older than the window are dropped; an idle notification keeps one sample.
 */
export class RateTracker {
  private readonly samples = new Map<string, Array<{ at: number; processed: number }>>();

  /** Records a sample and answers the rate (per second) and the seconds left for `open` recipients. */
  observe(notificationId: string, at: number, processed: number, open: number): { ratePerSecond: number; etaSeconds: number | null } {
    const list = this.samples.get(notificationId) ?? [];
    list.push({ at, processed });
    while (list.length > 2 && at - list[0]!.at > WINDOW_MS) list.shift();
    this.samples.set(notificationId, list);
    const first = list[0]!;
    const seconds = (at - first.at) / 1000;
    const ratePerSecond = seconds > 0 ? Math.max(0, (processed - first.processed) / seconds) : 0;
    if (open === 0) this.samples.delete(notificationId);
    return { ratePerSecond: Math.round(ratePerSecond * 10) / 10, etaSeconds: open === 0 ? 0 : ratePerSecond > 0 ? Math.ceil(open / ratePerSecond) : null };
  }
}
