import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecipientRow, RecipientState } from '../../../../api/contract/notifications';
import type { ReachFilter } from '../../../../api/contract/reach';
import { errorMessage } from '../../api/api-error';
import { useApi } from '../../api/api-provider';

export interface RecipientFilter {
  state?: RecipientState;
  reason?: string;
  reach?: ReachFilter;
}

const PAGE_SIZE = 200;
const ROW_HEIGHT = 44;
/** Fetch the next page when the viewport comes this close to the last loaded row. */
const PREFETCH_ROWS = 20;

/** Pages recipients in with `after` as the viewport nears the end; only visible rows are in the DOM. */
export function useRecipientTable(notificationId: string, filter: RecipientFilter, version: number) {
  const api = useApi();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [rows, setRows] = useState<RecipientRow[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  /** False where the organisation shows reach in aggregate only and the reader is not an administrator. */
  const [perPersonReach, setPerPersonReach] = useState(true);
  const generation = useRef(0);

  const load = useCallback(
    async (after: string | undefined, mine: number) => {
      setLoading(true);
      try {
        const page = await api.recipients(notificationId, { ...filter, after, limit: PAGE_SIZE });
        if (mine !== generation.current) return;
        setRows((previous) => (after ? [...previous, ...page.value] : page.value));
        setNext(page.next);
        setPerPersonReach(page.perPersonReach ?? true);
        setError(undefined);
      } catch (failure) {
        if (mine === generation.current) setError(errorMessage(failure));
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [api, notificationId, filter.state, filter.reason, filter.reach],
  );

  useEffect(() => {
    generation.current += 1;
    setRows([]);
    setNext(null);
    void load(undefined, generation.current);
  }, [load, version]);

  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  const loadMore = useCallback(() => {
    if (next && !loading) void load(next, generation.current);
  }, [next, loading, load]);

  useEffect(() => {
    if (lastIndex >= rows.length - PREFETCH_ROWS) loadMore();
  }, [lastIndex, rows.length, loadMore]);

  return { scrollRef, rows, items, totalSize: virtualizer.getTotalSize(), hasMore: next !== null, loading, error, loadMore, perPersonReach };
}
