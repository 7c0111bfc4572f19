import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { strings } from '../../strings';
import { useFollowUpPlan } from './useFollowUpPlan';
import { useFollowUpPlanStyles } from './useFollowUpPlanStyles.styles';

export interface FollowUpPlanProps {
  /** The saved draft (or sent notification) the plan belongs to; without one there is nothing to attach it to yet. */
  notificationId: string | undefined;
}

/** The follow-up plan: an acknowledge-by deadline, reminders (every N hours, at most K), and expiry. */
export function FollowUpPlan(props: FollowUpPlanProps) {
  const t = strings.followUps;
  const styles = useFollowUpPlanStyles();
  if (!props.notificationId) {
    return (
      <section aria-label={t.heading} className={styles.root}>
        <Text as="h2" weight="semibold" size={500}>{t.heading}</Text>
        <Text size={200}>{t.saveDraftFirst}</Text>
      </section>
    );
  }
  return <FollowUpForm notificationId={props.notificationId} />;
}

function FollowUpForm(props: { notificationId: string }) {
  const t = strings.followUps;
  const styles = useFollowUpPlanStyles();
  const state = useFollowUpPlan(props.notificationId);
  const error = (field: string) => (state.fields[field] ? { validationState: 'error' as const, validationMessage: state.fields[field] } : {});
  return (
    <section aria-label={t.heading} className={styles.root}>
      <Text as="h2" weight="semibold" size={500}>{t.heading}</Text>
      <Text size={200}>{t.intro}</Text>
      <div className={styles.row} role="group" aria-label={t.acknowledgeBy}>
        <Field label={`${t.acknowledgeBy}: ${t.date}`} {...error('acknowledgeBy')}>
          <Input type="date" value={state.deadline.date} onChange={(_, data) => state.setDeadline({ ...state.deadline, date: data.value })} />
        </Field>
        <Field label={`${t.acknowledgeBy}: ${t.time}`}>
          <Input type="time" value={state.deadline.time} onChange={(_, data) => state.setDeadline({ ...state.deadline, time: data.value })} />
        </Field>
      </div>
      <Checkbox label={t.reminders} checked={state.remind} onChange={(_, data) => state.setRemind(Boolean(data.checked))} />
      {state.remind ? (
        <>
          <div className={styles.row}>
            <Field label={t.everyHours} {...error('reminders.everyHours')}>
              <Input type="number" min={0.25} step={0.25} value={state.everyHours} onChange={(_, data) => state.setEveryHours(data.value)} />
            </Field>
            <Field label={t.times} {...error('reminders.times')}>
              <Input type="number" min={1} max={10} step={1} value={state.times} onChange={(_, data) => state.setTimes(data.value)} />
            </Field>
          </div>
          <Field label={t.to}>
            <RadioGroup layout="horizontal" value={state.to} onChange={(_, data) => state.setTo(data.value as 'unacknowledged' | 'unseen')}>
              <Radio value="unacknowledged" label={t.toUnacknowledged} />
              <Radio value="unseen" label={t.toUnseen} />
            </RadioGroup>
          </Field>
          <Checkbox label={t.activityFeed} checked={state.activityFeed} onChange={(_, data) => state.setActivityFeed(Boolean(data.checked))} />
        </>
      ) : null}
      <div className={styles.row} role="group" aria-label={t.expires}>
        <Field label={`${t.expires}: ${t.date}`} {...error('expiresAt')}>
          <Input type="date" value={state.expiry.date} onChange={(_, data) => state.setExpiry({ ...state.expiry, date: data.value })} />
        </Field>
        <Field label={`${t.expires}: ${t.time}`}>
          <Input type="time" value={state.expiry.time} onChange={(_, data) => state.setExpiry({ ...state.expiry, time: data.value })} />
        </Field>
      </div>
      {state.expiry.date ? (
        <Field label={t.onExpiry}>
          <RadioGroup value={state.onExpiry} onChange={(_, data) => state.setOnExpiry(data.value as 'update' | 'recall')}>
            <Radio value="update" label={t.onExpiryUpdate} />
            <Radio value="recall" label={t.onExpiryRecall} />
          </RadioGroup>
        </Field>
      ) : null}
      {state.view && state.view.roundsDone > 0 ? <Text size={200}>{t.roundsDone(state.view.roundsDone)}</Text> : null}
      <div className={styles.buttons}>
        <Button disabled={state.busy} onClick={() => void state.save()}>{state.busy ? t.saving : t.save}</Button>
      </div>
      <div role="status" aria-live="polite">
        {state.message ? (
          <MessageBar intent={state.message.intent}>
            <MessageBarBody>{state.message.text}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </section>
  );
}
