import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry } from '../../../../api/contract/admin';
import { errorMessage } from '../../api/api-error';
import { useApi } from '../../api/api-provider';

/** The audit log, newest first as the server orders it, a page at a time. */
export function useAudit() {
  const api = useApi();
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string>();

  const load = useCallback(
    async (after?: string) => {
      try {
        const page = await api.audit(after);
        setEntries((previous) => (after ? [...(previous ?? []), ...page.value] : page.value));
        setNext(page.next ?? null);
      } catch (failure) {
        setError(errorMessage(failure));
      }
    },
    [api],
  );

  useEffect(() => void load(), [load]);
  return { entries, error, hasMore: next !== null, loadMore: () => next && void load(next) };
}
