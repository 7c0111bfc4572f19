import { Button, Checkbox, Field, MessageBar, MessageBarBody, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { audienceKindSchema, type AudienceKind, type SenderUpdate } from '../../../../api/contract/admin';
import { errorMessage } from '../../api/api-error';
import type { Flash } from '../../lib/flash';
import { strings } from '../../strings';
import { ScreenHeading } from '../App/screen-focus';
import { AudienceSearch } from '../AudienceSearch/AudienceSearch';
import { useNotificationsStyles } from '../Notifications/useNotificationsStyles.styles';
import { useSenders } from './useSenders';
import { useSendersStyles } from './useSendersStyles.styles';

const ROLES: SenderUpdate['role'][] = ['admin', 'sender', 'none'];

/** Administrators find anyone in the directory and make them a sender, and change or withdraw existing access. */
export function Senders() {
  const state = useSenders();
  const page = useNotificationsStyles();
  const styles = useSendersStyles();
  const COLUMNS = { name: strings.report.columns.name, role: strings.senders.addRole, kinds: strings.senders.addKinds, save: strings.notifications.columns.actions };
  return (
    <div className={page.root}>
      <ScreenHeading>{strings.senders.heading}</ScreenHeading>
      <Text>{strings.senders.intro}</Text>
      <section aria-labelledby="herald-add-sender" className={styles.add}>
        <Text as="h2" id="herald-add-sender" weight="semibold" size={500}>{strings.senders.addHeading}</Text>
        <AudienceSearch kinds={['user']} label={strings.senders.addSearch} actionLabel={strings.audience.add} onPick={state.choose} />
        {state.candidate ? (
          <div className={styles.grant}>
            <Text weight="semibold">{strings.senders.person(`${state.candidate.displayName} (${state.candidate.secondary})`)}</Text>
            <Field label={strings.senders.addRole}>
              <Select value={state.grant.role} onChange={(_, data) => state.setGrant({ ...state.grant, role: data.value as SenderUpdate['role'] })}>
                {(['sender', 'admin'] as const).map((role) => <option key={role} value={role}>{strings.senders.roles[role]}</option>)}
              </Select>
            </Field>
            <KindChoices
              label={strings.senders.addKinds}
              kinds={state.grant.allowedAudienceKinds}
              onChange={(kinds) => state.setGrant({ ...state.grant, allowedAudienceKinds: kinds })}
            />
            <Button appearance="primary" disabled={state.busy} onClick={() => void state.add()}>{strings.senders.addButton(state.candidate.displayName)}</Button>
          </div>
        ) : null}
        <Result flash={state.messages.add} />
      </section>
      {state.error ? <MessageBar intent="error"><MessageBarBody>{errorMessage(state.error)}</MessageBarBody></MessageBar> : null}
      {!state.senders ? (state.error ? null : <Spinner label={strings.loading} />) : (
        <Table aria-label={strings.senders.list} className={page.table}>
          <TableHeader className={page.header}>
            <TableRow>
              {[COLUMNS.name, COLUMNS.role, COLUMNS.kinds, COLUMNS.save].map((column) => <TableHeaderCell key={column}>{column}</TableHeaderCell>)}
            </TableRow>
          </TableHeader>
          <TableBody>
            {state.senders.map((sender) => {
              const value = state.current(sender);
              return (
                <TableRow key={sender.userId} className={page.row}>
                  <TableCell data-label={COLUMNS.name}>
                    <span>
                      <Text block>{sender.displayName}</Text>
                      <Text block size={200}>{sender.upn}</Text>
                    </span>
                  </TableCell>
                  <TableCell data-label={COLUMNS.role}>
                    <Select aria-label={strings.senders.role(sender.displayName)} value={value.role} onChange={(_, data) => state.edit(sender, { role: data.value as SenderUpdate['role'] })}>
                      {ROLES.map((role) => <option key={role} value={role}>{strings.senders.roles[role]}</option>)}
                    </Select>
                  </TableCell>
                  <TableCell data-label={COLUMNS.kinds}>
                    <KindChoices label={strings.senders.kinds(sender.displayName)} hideLabel kinds={value.allowedAudienceKinds} onChange={(kinds) => state.edit(sender, { allowedAudienceKinds: kinds })} />
                  </TableCell>
                  <TableCell data-label={COLUMNS.save}>
                    <span className={styles.save}>
                      <Button disabled={!state.dirty(sender) || state.busy} onClick={() => void state.save(sender)}>{strings.senders.save(sender.displayName)}</Button>
                      <Result flash={state.messages[sender.userId]} />
                    </span>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
}

function KindChoices(props: { label: string; hideLabel?: boolean; kinds: AudienceKind[]; onChange: (kinds: AudienceKind[]) => void }) {
  const styles = useSendersStyles();
  return (
    <div role="group" aria-label={props.label} className={styles.kinds}>
      {props.hideLabel ? null : <Text weight="semibold" block className={styles.kindsLabel}>{props.label}</Text>}
      {audienceKindSchema.options.map((kind) => (
        <Checkbox
          key={kind}
          label={strings.audience.kinds[kind]}
          checked={props.kinds.includes(kind)}
          onChange={(_, data) => props.onChange(data.checked ? [...props.kinds, kind] : props.kinds.filter((k) => k !== kind))}
        />
      ))}
    </div>
  );
}

function Result(props: { flash?: Flash }) {
  return <div role="status">{props.flash ? <MessageBar intent={props.flash.intent}><MessageBarBody>{props.flash.text}</MessageBarBody></MessageBar> : null}</div>;
}
