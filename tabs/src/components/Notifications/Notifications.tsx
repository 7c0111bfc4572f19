import { Link, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { NotificationSummary } from '../../../../api/contract/notifications';
import { strings } from '../../strings/en';
import { useNotifications, type NotificationsNavigation } from './useNotifications';
import { useNotificationsStyles } from './useNotificationsStyles.styles';

const COLUMNS = strings.notifications.columns;

/** Every notification with its status and outcome. */
export function Notifications(props: { nav: NotificationsNavigation }) {
  const state = useNotifications(props.nav);
  const styles = useNotificationsStyles();
  return (
    <div className={styles.root}>
      <Text as="h1" size={600} weight="semibold">{strings.notifications.heading}</Text>
      {state.error ? <MessageBar intent="error"><MessageBarBody>{state.error}</MessageBarBody></MessageBar> : null}
      {!state.items && !state.error ? <Spinner label={strings.loading} /> : null}
      {state.items?.length === 0 ? <Text>{strings.notifications.empty}</Text> : null}
      {state.items && state.items.length > 0 ? (
        <div className={styles.scroll}>
          <Table aria-label={strings.notifications.heading} className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{COLUMNS.title}</TableHeaderCell>
                <TableHeaderCell>{COLUMNS.status}</TableHeaderCell>
                <TableHeaderCell>{COLUMNS.outcome}</TableHeaderCell>
                <TableHeaderCell>{COLUMNS.when}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {state.items.map((item) => (
                <TableRow key={item.id}>
                  <TableCell>
                    <Link as="button" onClick={() => void state.open(item)}>{item.title}</Link>
                  </TableCell>
                  <TableCell>{strings.notifications.status[item.status]}</TableCell>
                  <TableCell>{item.status === 'draft' ? '' : strings.notifications.outcome(item.counts.sent ?? 0, item.total)}</TableCell>
                  <TableCell>{formatWhen(item)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </div>
  );
}

function formatWhen(item: NotificationSummary): string {
  const at = item.sentAt ?? item.scheduledAt ?? item.createdAt;
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
