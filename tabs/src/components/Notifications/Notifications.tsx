import { Button, Link, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { SegmentNav } from '../SegmentNav/SegmentNav';
import { useState } from 'react';
import type { Me } from '../../../../api/contract/admin';
import type { NotificationSummary } from '../../../../api/contract/notifications';
import { errorMessage } from '../../api/api-error';
import { useApi } from '../../api/api-provider';
import { useNotificationChanged, useNotificationsQuery } from '../../api/queries';
import { setFlash, takeFlash } from '../../lib/flash';
import { dateTime, strings } from '../../strings';
import { ScreenHeading } from '../App/screen-focus';
import type { NotificationSection } from '../App/route';
import type { Navigation } from '../App/useApp';
import { useNotificationsStyles } from './useNotificationsStyles.styles';

const SECTIONS: NotificationSection[] = ['drafts', 'scheduled', 'sent'];

/** Which list a notification belongs in: still being written, waiting for its time, or gone out. */
export function sectionOf(item: NotificationSummary): NotificationSection {
  if (item.status === 'draft') return 'drafts';
  if (item.status === 'scheduled') return 'scheduled';
  return 'sent';
}

/** Drafts, Scheduled and Sent, each with who created it, where it came from, and what can be done now. */
export function Notifications(props: { section: NotificationSection; nav: Navigation; me: Me }) {
  const query = useNotificationsQuery();
  const api = useApi();
  const changed = useNotificationChanged();
  const styles = useNotificationsStyles();
  const [message, setMessage] = useState(() => takeFlash());
  const [busy, setBusy] = useState<string>();
  const items = (query.data ?? []).filter((item) => sectionOf(item) === props.section);
  const COLUMNS = strings.notifications.columns;

  const open = (item: NotificationSummary) => (item.status === 'draft' ? props.nav.openDraft(item.id) : props.nav.openReport(item.id));
  const duplicate = async (item: NotificationSummary) => {
    setBusy(item.id);
    try {
      const copy = await api.duplicate(item.id);
      changed(copy);
      setFlash({ intent: 'success', text: strings.notifications.duplicated(item.title) });
      props.nav.openDraft(copy.id);
    } catch (failure) {
      setMessage({ intent: 'error', text: errorMessage(failure) });
      setBusy(undefined);
    }
  };
  const owner = (item: NotificationSummary) => (item.owner.id === props.me.user.id ? strings.notifications.you : item.owner.upn);

  return (
    <div className={styles.root}>
      <ScreenHeading>{strings.notifications.heading}</ScreenHeading>
      <SegmentNav
        label={strings.notifications.sections.label}
        current="page"
        selected={props.section}
        onSelect={(section) => props.nav.openList(section)}
        items={SECTIONS.map((section) => ({ value: section, label: `${strings.notifications.sections[section]} (${(query.data ?? []).filter((item) => sectionOf(item) === section).length})` }))}
      />
      <div role="status">
        {message ? <MessageBar intent={message.intent}><MessageBarBody>{message.text}</MessageBarBody></MessageBar> : null}
      </div>
      {query.isError ? <MessageBar intent="error"><MessageBarBody>{errorMessage(query.error)}</MessageBarBody></MessageBar> : null}
      {query.isPending ? <Spinner label={strings.loading} /> : null}
      {query.data && items.length === 0 ? <Text>{strings.notifications.empty[props.section]}</Text> : null}
      {items.length > 0 ? (
        <Table aria-label={strings.notifications.sections[props.section]} className={styles.table}>
          <TableHeader className={styles.header}>
            <TableRow>
              <TableHeaderCell>{COLUMNS.title}</TableHeaderCell>
              <TableHeaderCell>{COLUMNS.status}</TableHeaderCell>
              <TableHeaderCell>{COLUMNS.owner}</TableHeaderCell>
              <TableHeaderCell>{COLUMNS.origin}</TableHeaderCell>
              {props.section === 'drafts' ? null : <TableHeaderCell>{COLUMNS.outcome}</TableHeaderCell>}
              <TableHeaderCell>{COLUMNS.when}</TableHeaderCell>
              <TableHeaderCell>{COLUMNS.actions}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((item) => (
              <TableRow key={item.id} className={styles.row}>
                <TableCell data-label={COLUMNS.title}>
                  <Link as="button" onClick={() => open(item)}>{item.title}</Link>
                </TableCell>
                <TableCell data-label={COLUMNS.status}>{strings.notifications.status[item.status]}</TableCell>
                <TableCell data-label={COLUMNS.owner}>{owner(item)}</TableCell>
                <TableCell data-label={COLUMNS.origin}>{strings.notifications.origins[item.origin]}</TableCell>
                {props.section === 'drafts' ? null : (
                  <TableCell data-label={COLUMNS.outcome}>{strings.notifications.outcome(item.counts.sent ?? 0, item.total)}</TableCell>
                )}
                <TableCell data-label={COLUMNS.when}>{whenOf(item)}</TableCell>
                <TableCell data-label={COLUMNS.actions}>
                  {item.actions.includes('duplicate') ? (
                    <Button size="small" disabled={busy !== undefined} aria-label={strings.notifications.duplicate(item.title)} onClick={() => void duplicate(item)}>
                      {strings.report.duplicate}
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </div>
  );
}

function whenOf(item: NotificationSummary): string {
  const at = item.sentAt ?? item.scheduledAt ?? item.createdAt;
  const when = dateTime(at, 'short');
  return item.editedAt ? `${when} · ${strings.notifications.edited(dateTime(item.editedAt, 'short'))}` : when;
}
