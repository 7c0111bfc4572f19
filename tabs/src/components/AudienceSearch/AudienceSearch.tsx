import { Avatar, Button, Field, SearchBox, Spinner, Text } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { SearchResult } from '../../../../api/contract/audience';
import { strings } from '../../strings';
import { useAudienceSearch } from './useAudienceSearch';
import { useAudienceSearchStyles } from './useAudienceSearchStyles.styles';

export interface AudienceSearchProps {
  kinds: string[];
  onPick: (result: SearchResult) => void;
  /** The field's label; "Search people, groups and teams" unless given. */
  label?: string;
  /** The button's words for one result; "Add <name>" unless given. */
  actionLabel?: (name: string) => string;
}

/**
 * Finds people, groups and teams; each result has an "Add" button that keyboard users reach with Tab. After a pick
 * the results go away, so focus returns to the search box and the addition is announced.
 */
export function AudienceSearch(props: AudienceSearchProps) {
  const search = useAudienceSearch(props.kinds);
  const styles = useAudienceSearchStyles();
  const input = useRef<HTMLInputElement>(null);
  const [announced, setAnnounced] = useState('');
  const label = props.label ?? strings.audience.search;
  const pick = (result: SearchResult) => {
    props.onPick(result);
    search.clear();
    setAnnounced(strings.audience.added(result.displayName));
    input.current?.focus();
  };
  return (
    <div className={styles.root}>
      <Field label={label} validationMessage={search.error}>
        <SearchBox ref={input} value={search.query} onChange={(_, data) => (search.setQuery(data.value), setAnnounced(''))} />
      </Field>
      {search.searching ? <Spinner size="tiny" label={strings.audience.searching} /> : null}
      {search.query.trim() && !search.searching && search.results.length === 0 ? <Text size={200}>{strings.audience.noResults}</Text> : null}
      {search.results.length > 0 ? (
        <ul className={styles.list} aria-label={label}>
          {search.results.map((result) => (
            <li key={`${result.kind}:${result.id}`} className={styles.item}>
              <Avatar name={result.displayName} image={result.avatarUrl ? { src: result.avatarUrl } : undefined} shape={result.kind === 'user' ? 'circular' : 'square'} size={32} aria-hidden />
              <span className={styles.text}>
                <Text block truncate wrap={false}>{result.displayName}</Text>
                <Text block size={200} truncate wrap={false}>{`${strings.audience.kinds[result.kind]} · ${result.secondary}`}</Text>
              </span>
              <Button size="small" onClick={() => pick(result)}>{(props.actionLabel ?? strings.audience.add)(result.displayName)}</Button>
            </li>
          ))}
        </ul>
      ) : null}
      <span role="status" className={styles.announce}>{announced}</span>
    </div>
  );
}
