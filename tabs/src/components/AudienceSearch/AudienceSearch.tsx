import { Avatar, Button, Field, SearchBox, Spinner, Text } from '@fluentui/react-components';
import type { SearchResult } from '../../../../api/contract/audience';
import { strings } from '../../strings/en';
import { useAudienceSearch } from './useAudienceSearch';
import { useAudienceSearchStyles } from './useAudienceSearchStyles.styles';

export interface AudienceSearchProps {
  kinds: string[];
  onPick: (result: SearchResult) => void;
}

/** Finds people, groups and teams; each result has an "Add" button that keyboard users reach with Tab. */
export function AudienceSearch(props: AudienceSearchProps) {
  const search = useAudienceSearch(props.kinds);
  const styles = useAudienceSearchStyles();
  return (
    <div className={styles.root}>
      <Field label={strings.audience.search} validationMessage={search.error}>
        <SearchBox value={search.query} onChange={(_, data) => search.setQuery(data.value)} />
      </Field>
      {search.searching ? <Spinner size="tiny" label={strings.audience.searching} /> : null}
      {search.query.trim() && !search.searching && search.results.length === 0 ? <Text size={200}>{strings.audience.noResults}</Text> : null}
      <ul className={styles.list} aria-label={strings.audience.search}>
        {search.results.map((result) => (
          <li key={`${result.kind}:${result.id}`} className={styles.item}>
            <Avatar name={result.displayName} image={result.avatarUrl ? { src: result.avatarUrl } : undefined} shape={result.kind === 'user' ? 'circular' : 'square'} size={32} />
            <span className={styles.text}>
              <Text block truncate wrap={false}>{result.displayName}</Text>
              <Text block size={200} truncate wrap={false}>{`${strings.audience.kinds[result.kind]} · ${result.secondary}`}</Text>
            </span>
            <Button size="small" onClick={() => (props.onPick(result), search.clear())}>{strings.audience.add(result.displayName)}</Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
