import type { ReachCount, ReachFunnel } from '../../../../api/contract/reach';
import { strings } from '../../strings';

export interface FunnelStage {
  key: 'delivered' | 'seen' | 'acknowledged' | 'answered';
  label: string;
  count: ReachCount;
  /** Share of the delivered, 0–1; null when either count is hidden. */
  share: number | null;
}

/** The funnel's stages, from what the report says; "answered" only for a poll. */
export function useReachFunnel(reach: ReachFunnel) {
  const of = (count: ReachCount): number | null => (count === null || reach.delivered === null || reach.delivered === 0 ? null : count / reach.delivered);
  const stages: FunnelStage[] = [
    { key: 'delivered', label: strings.reach.delivered, count: reach.delivered, share: reach.delivered === null ? null : reach.delivered > 0 ? 1 : 0 },
    { key: 'seen', label: strings.reach.seen, count: reach.seen, share: of(reach.seen) },
    { key: 'acknowledged', label: strings.reach.acknowledged, count: reach.acknowledged, share: of(reach.acknowledged) },
  ];
  if (reach.answered !== undefined) stages.push({ key: 'answered', label: strings.reach.answered, count: reach.answered, share: of(reach.answered) });
  const text = (count: ReachCount) => strings.reach.count(count, reach.hiddenBelow);
  return { stages, text, aggregateOnly: reach.hiddenBelow !== null };
}
