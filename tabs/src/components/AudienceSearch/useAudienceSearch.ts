import { useEffect, useState } from 'react';
import type { SearchResult } from '../../../../api/contract/audience';
import { useApi } from '../../api/api-provider';
import { errorMessage } from '../../api/api-error';
import { useDebouncedValue } from '../../lib/use-debounced-value';

export const SEARCH_DEBOUNCE_MS = 300;

/** Searches people, groups and teams through Herald's API, 300 ms after the last keystroke. */
export function useAudienceSearch(kinds: string[]) {
  const api = useApi();
  const [query, setQuery] = useState('');
  const settled = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  const [results, setResults] = useState<SearchResult[]>([]);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string>();
  const kindList = kinds.join(',');

  useEffect(() => {
    if (!settled) return setResults([]);
    let current = true;
    setSearching(true);
    api.search(settled, kindList.split(',')).then(
      (found) => current && (setResults(found), setError(undefined), setSearching(false)),
      (failure: unknown) => current && (setError(errorMessage(failure)), setSearching(false)),
    );
    return () => {
      current = false;
    };
  }, [api, settled, kindList]);

  return { query, setQuery, results: settled ? results : [], searching, error, clear: () => setQuery('') };
}
