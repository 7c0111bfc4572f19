import { Button, Field, Input, Radio, RadioGroup, Text } from '@fluentui/react-components';
import type { Audience, AudiencePreview } from '../../../../api/contract/audience';
import type { SendInput } from '../../../../api/contract/notifications';
import { strings } from '../../strings';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog';
import { SendConfirmation } from './SendConfirmation';
import { TimeZonePicker } from './TimeZonePicker';
import { useSendPanel, type SendWhen } from './useSendPanel';
import { useSendPanelStyles } from './useSendPanelStyles.styles';

export interface SendPanelProps {
  title: string;
  audience: Audience;
  preview?: AudiencePreview;
  busy: boolean;
  onSend: (input: SendInput) => Promise<void>;
}

/** Send now or at a time in a chosen zone, always through a confirmation that names the audience. */
export function SendPanel(props: SendPanelProps) {
  const state = useSendPanel(props.onSend);
  const styles = useSendPanelStyles();
  const noAudience = props.audience.include.length === 0;
  return (
    <section aria-label={strings.send.heading} className={styles.root}>
      <Text as="h2" weight="semibold" size={500}>{strings.send.heading}</Text>
      <Field label={strings.send.when}>
        <RadioGroup layout="horizontal" value={state.when} onChange={(_, data) => state.setWhen(data.value as SendWhen)}>
          <Radio value="now" label={strings.send.now} />
          <Radio value="later" label={strings.send.later} />
        </RadioGroup>
      </Field>
      {state.when === 'later' ? (
        <div className={styles.row}>
          <Field label={strings.send.date}>
            <Input type="date" value={state.date} onChange={(_, data) => state.setDate(data.value)} />
          </Field>
          <Field label={strings.send.time}>
            <Input type="time" value={state.time} onChange={(_, data) => state.setTime(data.value)} />
          </Field>
          <div className={styles.zone}>
            <TimeZonePicker value={state.timeZone} onChange={state.setTimeZone} />
          </div>
        </div>
      ) : null}
      {noAudience ? <Text size={200}>{strings.send.needAudience}</Text> : null}
      {!noAudience && state.timeMissing ? <Text size={200}>{strings.send.needTime}</Text> : null}
      <Button appearance="primary" disabled={noAudience || state.timeMissing || props.busy} onClick={() => state.setConfirming(true)}>
        {props.busy ? strings.send.sending : state.when === 'now' ? strings.send.send : strings.send.schedule}
      </Button>
      {/* Mounted only while open: a closed dialog still leaves tabster's hidden focus sentinels in the page. */}
      {state.confirming ? (
        <ConfirmDialog
          open
          title={strings.send.confirmTitle}
          confirmLabel={state.when === 'now' ? strings.send.confirmSend : strings.send.confirmSchedule}
          onConfirm={() => void state.confirm()}
          onCancel={() => state.setConfirming(false)}
        >
          <SendConfirmation title={props.title} audience={props.audience} preview={props.preview} input={state.input} />
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
