import { useEffect, useState } from 'react';
import type { ReachTimeline } from '../../../../api/contract/reach';
import { errorMessage } from '../../api/api-error';
import { useApi } from '../../api/api-provider';

/**
 * The reach timeline of one notification, fetched again when the report's seen or acknowledged counts move (the
 * live report's progress events), never on a timer.
 */
export function useReachChartPanel(notificationId: string, seen: number | null, acknowledged: number | null) {
  const api = useApi();
  const [timeline, setTimeline] = useState<ReachTimeline>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let current = true;
    api.reachTimeline(notificationId).then(
      (answer) => {
        if (!current) return;
        setTimeline(answer);
        setError(undefined);
      },
      (failure: unknown) => current && setError(errorMessage(failure)),
    );
    return () => {
      current = false;
    };
  }, [api, notificationId, seen, acknowledged]);
  const empty = timeline !== undefined && timeline.points.every((point) => !point.seen && !point.acknowledged);
  return { timeline, error, empty };
}
