import { Button, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { strings } from '../../strings/en';
import { useNotificationsStyles } from '../Notifications/useNotificationsStyles.styles';
import { useAudit } from './useAudit';

const COLUMNS = strings.audit.columns;

/** Every send, edit, recall and permission change, with who did it. */
export function Audit() {
  const state = useAudit();
  const page = useNotificationsStyles();
  return (
    <div className={page.root}>
      <Text as="h1" size={600} weight="semibold">{strings.audit.heading}</Text>
      {state.error ? <MessageBar intent="error"><MessageBarBody>{state.error}</MessageBarBody></MessageBar> : null}
      {!state.entries && !state.error ? <Spinner label={strings.loading} /> : null}
      {state.entries?.length === 0 ? <Text>{strings.audit.empty}</Text> : null}
      {state.entries && state.entries.length > 0 ? (
        <div className={page.scroll}>
          <Table aria-label={strings.audit.heading} className={page.table}>
            <TableHeader>
              <TableRow>
                {[COLUMNS.at, COLUMNS.actor, COLUMNS.action, COLUMNS.target].map((column) => <TableHeaderCell key={column}>{column}</TableHeaderCell>)}
              </TableRow>
            </TableHeader>
            <TableBody>
              {state.entries.map((entry, index) => (
                <TableRow key={`${entry.at}-${index}`}>
                  <TableCell>{new Date(entry.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })}</TableCell>
                  <TableCell>{entry.actor}</TableCell>
                  <TableCell>{entry.action}</TableCell>
                  <TableCell>{entry.target}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {state.hasMore ? <Button onClick={state.loadMore}>{strings.audit.loadMore}</Button> : null}
    </div>
  );
}
