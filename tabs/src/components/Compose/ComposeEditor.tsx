import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from '@fluentui/react-components';
import { SegmentNav } from '../SegmentNav/SegmentNav';
import { lazy, Suspense } from 'react';
import { strings } from '../../strings';
import { ScreenHeading } from '../App/screen-focus';
import { ContentFields } from '../ContentFields/ContentFields';
import { STEPS, useCompose, type ComposeOptions, type ComposeStep } from './useCompose';
import { useComposeStyles } from './useComposeStyles.styles';

// The Adaptive Cards renderer and templating are most of the tab's weight: the form is usable before they arrive.
// The later steps and the dialogs load after the first one too (`npm run bench:tab` measures what the form waits for).
const CardPreview = lazy(() => import('../CardPreview/CardPreview').then((m) => ({ default: m.CardPreview })));
const AudiencePicker = lazy(() => import('../AudiencePicker/AudiencePicker').then((m) => ({ default: m.AudiencePicker })));
const ReviewSummary = lazy(() => import('./ReviewSummary').then((m) => ({ default: m.ReviewSummary })));
const SendPanel = lazy(() => import('../SendPanel/SendPanel').then((m) => ({ default: m.SendPanel })));
const FollowUpPlan = lazy(() => import('../FollowUpPlan/FollowUpPlan').then((m) => ({ default: m.FollowUpPlan })));
const ConfirmDialog = lazy(() => import('../ConfirmDialog/ConfirmDialog').then((m) => ({ default: m.ConfirmDialog })));

/**
 * Content → audience → review and send, with the live preview beside every step (below the step, before its
 * buttons, on a narrow screen). Results of each action show beside the buttons that caused them.
 */
export function ComposeEditor(props: ComposeOptions) {
  const state = useCompose(props);
  const styles = useComposeStyles();
  const editingSent = state.mode === 'editSent';
  const index = STEPS.indexOf(state.step);
  const stepLabel = (step: ComposeStep) => strings.compose.steps[step];
  return (
    <div className={styles.root}>
      <div className={styles.main}>
        <ScreenHeading>{editingSent ? strings.compose.editSentHeading : strings.compose.heading}</ScreenHeading>
        {editingSent ? null : (
          <SegmentNav label={strings.compose.steps.label} current="step" selected={state.step} onSelect={state.setStep} items={STEPS.map((step) => ({ value: step, label: stepLabel(step) }))} />
        )}
        {state.step === 'content' || editingSent ? <ContentFields form={state.form} errors={state.errors} onChange={state.change} onBlur={state.blur} /> : null}
        <Suspense fallback={<Spinner size="small" label={strings.loading} />}>
          {state.step === 'audience' && !editingSent ? (
            <AudiencePicker audience={state.audience} preview={state.audiencePreview} allowedKinds={props.me.allowedAudienceKinds} onChange={state.setAudience} />
          ) : null}
          {state.step === 'review' && !editingSent ? <ReviewSummary title={state.form.title} audience={state.audience} preview={state.audiencePreview.preview} /> : null}
        </Suspense>
      </div>
      <aside className={styles.preview} aria-label={strings.compose.preview}>
        <Suspense fallback={<Spinner size="small" label={strings.loading} />}>
          <CardPreview content={state.preview} />
        </Suspense>
      </aside>
      <div className={styles.actions}>
        {state.step === 'review' && !editingSent ? (
          <Suspense fallback={null}>
            <SendPanel title={state.form.title} audience={state.audience} preview={state.audiencePreview.preview} busy={state.busy} onSend={state.send} />
            <FollowUpPlan notificationId={state.draftId} />
          </Suspense>
        ) : null}
        <div className={styles.buttons}>
          {editingSent ? (
            <Button appearance="primary" disabled={state.busy} onClick={state.askUpdate}>{strings.compose.updateSent}</Button>
          ) : (
            <>
              {index > 0 ? <Button onClick={() => state.setStep(STEPS[index - 1]!)}>{strings.compose.back}</Button> : null}
              {index < STEPS.length - 1 ? <Button appearance="primary" onClick={() => state.setStep(STEPS[index + 1]!)}>{strings.compose.next}</Button> : null}
              <Button disabled={state.busy} onClick={() => void state.saveDraft()}>{strings.compose.saveDraft}</Button>
              <Button disabled={state.busy} onClick={() => void state.duplicate()}>{strings.compose.duplicate}</Button>
              {state.draftId ? <Button disabled={state.busy} onClick={() => state.setConfirm('delete')}>{strings.compose.delete}</Button> : null}
            </>
          )}
        </div>
        <div role="status" aria-live="polite" className={styles.message}>
          {state.message ? (
            <MessageBar intent={state.message.intent}>
              <MessageBarBody>{state.message.text}</MessageBarBody>
              <MessageBarActions containerAction={<Button appearance="transparent" size="small" onClick={state.dismissMessage}>{strings.dismiss}</Button>} />
            </MessageBar>
          ) : null}
        </div>
      </div>
      <Suspense fallback={null}>
      {state.confirm === 'delete' ? <ConfirmDialog
        open
        title={strings.compose.delete}
        confirmLabel={strings.compose.delete}
        onConfirm={() => void state.remove()}
        onCancel={() => state.setConfirm(undefined)}
      >
        {strings.compose.deleteConfirm}
      </ConfirmDialog> : null}
      {state.confirm === 'update' ? <ConfirmDialog
        open
        title={strings.compose.updateConfirmTitle}
        confirmLabel={strings.compose.updateConfirmButton}
        onConfirm={() => void state.updateSent()}
        onCancel={() => state.setConfirm(undefined)}
      >
        {strings.compose.updateConfirm(state.existing?.counts.sent ?? 0)}
      </ConfirmDialog> : null}
      </Suspense>
    </div>
  );
}
