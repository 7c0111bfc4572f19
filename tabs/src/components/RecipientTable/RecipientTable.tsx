import { Button, Spinner, Text, Tooltip } from '@fluentui/react-components';
import { dateTime, strings } from '../../strings';
import { reasonName, reasonText } from '../ReportSummary/reason-words';
import { useRecipientTable, type RecipientFilter } from './useRecipientTable';
import { useRecipientTableStyles } from './useRecipientTableStyles.styles';

export interface RecipientTableProps {
  notificationId: string;
  filter: RecipientFilter;
  /** Bumped to reload from the first page (after a send finishes, a resend…). */
  version: number;
}


/** Every recipient's state, virtualised: tens of thousands of rows keep only the visible ones in the page. */
export function RecipientTable(props: RecipientTableProps) {
  const table = useRecipientTable(props.notificationId, props.filter, props.version);
  const styles = useRecipientTableStyles();
  const COLUMNS = [strings.report.columns.name, strings.report.columns.upn, strings.report.columns.state, strings.report.columns.reason, strings.reach.columns.seen, strings.reach.columns.acknowledged, strings.reach.columns.answer];
  // Reach per person, or "Hidden" where the organisation shows reach in aggregate only (issue 14).
  const when = (at: string | null | undefined) => (!table.perPersonReach ? strings.reach.hidden : at ? dateTime(at, 'short') : '');
  return (
    <div className={styles.root}>
      <div role="table" aria-label={strings.report.table} aria-rowcount={table.rows.length + 1} className={styles.table}>
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className={styles.header}>
            {COLUMNS.map((column) => (
              <span role="columnheader" key={column} className={styles.cell}>{column}</span>
            ))}
          </div>
        </div>
        <div ref={table.scrollRef} className={styles.scroller} tabIndex={0} role="rowgroup">
          <div className={styles.spacer} style={{ height: table.totalSize }}>
            {table.items.map((item) => {
              const row = table.rows[item.index];
              if (!row) return null;
              return (
                <div role="row" key={row.userId} aria-rowindex={item.index + 2} className={styles.row} style={{ transform: `translateY(${item.start}px)` }}>
                  <span role="cell" className={styles.cell}>{row.displayName}</span>
                  <span role="cell" className={styles.cell}>{row.upn}</span>
                  <span role="cell" className={styles.cell}>{strings.report.states[row.state]}</span>
                  <span role="cell" className={styles.cell}>
                    {row.reason ? (
                      // The whole sentence on hover and on keyboard focus; the cell shows the short name.
                      <Tooltip content={reasonText(row.reason)} relationship="description" withArrow>
                        <span tabIndex={0} className={styles.reason}>{reasonName(row.reason)}</span>
                      </Tooltip>
                    ) : null}
                  </span>
                  <span role="cell" className={styles.cell}>{when(row.seenAt)}</span>
                  <span role="cell" className={styles.cell}>{when(row.acknowledgedAt)}</span>
                  <span role="cell" className={styles.cell}>{table.perPersonReach ? (row.answer ?? '') : strings.reach.hidden}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {table.loading ? <Spinner size="tiny" label={strings.loading} /> : null}
      {!table.loading && table.rows.length === 0 ? <Text>{strings.report.noRows}</Text> : null}
      {table.error ? <Text role="alert">{table.error}</Text> : null}
      {table.hasMore && !table.loading ? <Button onClick={table.loadMore}>{strings.report.loadMore}</Button> : null}
    </div>
  );
}
