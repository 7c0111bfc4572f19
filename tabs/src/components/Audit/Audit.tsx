import { Button, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { errorMessage } from '../../api/api-error';
import { useAuditQuery, useNotificationsQuery } from '../../api/queries';
import { dateTime, strings } from '../../strings';
import { ScreenHeading } from '../App/screen-focus';
import { useNotificationsStyles } from '../Notifications/useNotificationsStyles.styles';
import { actionWords, actorWords, targetWords, titlesOf } from './audit-words';

/** Every send, edit, recall and permission change, with who did it, in sentences. */
export function Audit() {
  const query = useAuditQuery();
  const notifications = useNotificationsQuery();
  const page = useNotificationsStyles();
  const entries = query.data?.pages.flatMap((one) => one.value);
  const titles = titlesOf(notifications.data);
  const COLUMNS = strings.audit.columns;
  return (
    <div className={page.root}>
      <ScreenHeading>{strings.audit.heading}</ScreenHeading>
      {query.isError ? <MessageBar intent="error"><MessageBarBody>{errorMessage(query.error)}</MessageBarBody></MessageBar> : null}
      {query.isPending ? <Spinner label={strings.loading} /> : null}
      {entries?.length === 0 ? <Text>{strings.audit.empty}</Text> : null}
      {entries && entries.length > 0 ? (
        <Table aria-label={strings.audit.heading} className={page.table}>
          <TableHeader className={page.header}>
            <TableRow>
              {[COLUMNS.at, COLUMNS.actor, COLUMNS.action, COLUMNS.target].map((column) => <TableHeaderCell key={column}>{column}</TableHeaderCell>)}
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((entry, index) => (
              <TableRow key={`${entry.at}-${index}`} className={page.row}>
                <TableCell data-label={COLUMNS.at}>{dateTime(entry.at)}</TableCell>
                <TableCell data-label={COLUMNS.actor}>{actorWords(entry.actor)}</TableCell>
                <TableCell data-label={COLUMNS.action}>{actionWords(entry.action)}</TableCell>
                <TableCell data-label={COLUMNS.target}>{targetWords(entry, titles)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {query.hasNextPage ? <Button disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>{strings.audit.loadMore}</Button> : null}
    </div>
  );
}
