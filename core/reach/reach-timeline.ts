import type { ReachBucket } from './reach-store';

/** At most this many points on the chart, whatever the time since sending. */
export const MAX_POINTS = 48;
const MINUTE = 60_000;
/** Bucket sizes a person reads easily on an axis. */
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440].map((minutes) => minutes * MINUTE);

/** The bucket for a chart spanning `spanMs`: the smallest readable step that keeps it within MAX_POINTS points. */
export function bucketFor(spanMs: number): number {
  const wanted = Math.max(MINUTE, Math.ceil(spanMs / MAX_POINTS));
  return STEPS.find((step) => step >= wanted) ?? Math.ceil(wanted / STEPS[STEPS.length - 1]!) * STEPS[STEPS.length - 1]!;
}

export interface CumulativePoint {
  at: number;
  seen: number;
  acknowledged: number;
}

/**
 * Cumulative counts at the end of each bucket from the start to `until`, from first-seen and first-acknowledged
 * counts per bucket (empty buckets included, so the chart's time axis is even).
 */
export function cumulative(buckets: ReachBucket[], since: number, until: number, bucketMs: number): CumulativePoint[] {
  const last = Math.max(0, Math.ceil((until - since) / bucketMs) - 1, ...buckets.map((bucket) => bucket.index));
  const byIndex = new Map(buckets.map((bucket) => [bucket.index, bucket]));
  const points: CumulativePoint[] = [{ at: since, seen: 0, acknowledged: 0 }];
  let seen = 0;
  let acknowledged = 0;
  for (let index = 0; index <= last; index++) {
    seen += byIndex.get(index)?.seen ?? 0;
    acknowledged += byIndex.get(index)?.acknowledged ?? 0;
    points.push({ at: since + (index + 1) * bucketMs, seen, acknowledged });
  }
  return points;
}
