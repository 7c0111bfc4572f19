import { Button, Checkbox, MessageBar, MessageBarBody, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { audienceKindSchema, type SenderUpdate } from '../../../../api/contract/admin';
import { strings } from '../../strings/en';
import { useNotificationsStyles } from '../Notifications/useNotificationsStyles.styles';
import { useSenders } from './useSenders';
import { useSendersStyles } from './useSendersStyles.styles';

const ROLES: SenderUpdate['role'][] = ['admin', 'sender', 'none'];
const COLUMNS = strings.senders.columns;

/** Administrators grant or withdraw the sender role and choose which audience kinds each sender may use. */
export function Senders() {
  const state = useSenders();
  const page = useNotificationsStyles();
  const styles = useSendersStyles();
  return (
    <div className={page.root}>
      <Text as="h1" size={600} weight="semibold">{strings.senders.heading}</Text>
      {state.message ? <MessageBar intent={state.message.intent}><MessageBarBody>{state.message.text}</MessageBarBody></MessageBar> : null}
      {!state.senders ? <Spinner label={strings.loading} /> : (
        <div className={page.scroll}>
          <Table aria-label={strings.senders.heading} className={page.table}>
            <TableHeader>
              <TableRow>
                {[COLUMNS.name, COLUMNS.role, COLUMNS.kinds, COLUMNS.save].map((column) => <TableHeaderCell key={column}>{column}</TableHeaderCell>)}
              </TableRow>
            </TableHeader>
            <TableBody>
              {state.senders.map((sender) => {
                const value = state.current(sender);
                return (
                  <TableRow key={sender.userId}>
                    <TableCell>
                      <Text block>{sender.displayName}</Text>
                      <Text block size={200}>{sender.upn}</Text>
                    </TableCell>
                    <TableCell>
                      <Select aria-label={strings.senders.role(sender.displayName)} value={value.role} onChange={(_, data) => state.edit(sender, { role: data.value as SenderUpdate['role'] })}>
                        {ROLES.map((role) => <option key={role} value={role}>{strings.senders.roles[role]}</option>)}
                      </Select>
                    </TableCell>
                    <TableCell>
                      <div role="group" aria-label={strings.senders.kinds(sender.displayName)} className={styles.kinds}>
                        {audienceKindSchema.options.map((kind) => (
                          <Checkbox
                            key={kind}
                            label={strings.audience.kinds[kind]}
                            checked={value.allowedAudienceKinds.includes(kind)}
                            onChange={(_, data) => state.edit(sender, { allowedAudienceKinds: data.checked ? [...value.allowedAudienceKinds, kind] : value.allowedAudienceKinds.filter((k) => k !== kind) })}
                          />
                        ))}
                      </div>
                    </TableCell>
                    <TableCell>
                      <Button disabled={!state.dirty(sender)} onClick={() => void state.save(sender, strings.senders.saved)}>{strings.senders.save(sender.displayName)}</Button>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
