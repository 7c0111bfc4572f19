import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { Me } from '../../../../api/contract/admin';
import { strings } from '../../strings/en';
import { AudiencePicker } from '../AudiencePicker/AudiencePicker';
import { CardPreview } from '../CardPreview/CardPreview';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog';
import { ContentFields } from '../ContentFields/ContentFields';
import { SendPanel } from '../SendPanel/SendPanel';
import { useCompose, type ComposeNavigation, type ComposeTarget } from './useCompose';
import { useComposeStyles } from './useComposeStyles.styles';

export interface ComposeProps {
  target: ComposeTarget;
  me: Me;
  nav: ComposeNavigation;
}

/** Write the card, see it as recipients will, choose who gets it, send it. */
export function Compose(props: ComposeProps) {
  const state = useCompose(props.target, props.nav);
  const styles = useComposeStyles();
  const editingSent = state.mode === 'editSent';
  return (
    <div className={styles.root}>
      <div className={styles.editor}>
        <Text as="h1" size={600} weight="semibold">{editingSent ? strings.compose.editSentHeading : strings.compose.heading}</Text>
        {state.message ? (
          <MessageBar intent={state.message.intent}>
            <MessageBarBody>{state.message.text}</MessageBarBody>
          </MessageBar>
        ) : null}
        <ContentFields form={state.form} errors={state.errors} onChange={state.change} onBlur={state.blur} />
        <div className={styles.actions}>
          {editingSent ? (
            <Button appearance="primary" disabled={state.busy} onClick={() => void state.updateSent()}>{strings.compose.updateSent}</Button>
          ) : (
            <>
              <Button disabled={state.busy} onClick={() => void state.saveDraft()}>{strings.compose.saveDraft}</Button>
              <Button disabled={state.busy} onClick={() => void state.duplicate()}>{strings.compose.duplicate}</Button>
              <Button disabled={state.busy || !state.draftId} onClick={() => state.setConfirmDelete(true)}>{strings.compose.delete}</Button>
            </>
          )}
        </div>
        {editingSent ? null : (
          <>
            <AudiencePicker audience={state.audience} preview={state.audiencePreview} allowedKinds={props.me.allowedAudienceKinds} onChange={state.setAudience} />
            <SendPanel title={state.form.title} audience={state.audience} preview={state.audiencePreview.preview} busy={state.busy} onSend={state.send} />
          </>
        )}
      </div>
      <div className={styles.preview}>
        <CardPreview content={state.preview} />
      </div>
      <ConfirmDialog
        open={state.confirmDelete}
        title={strings.compose.delete}
        confirmLabel={strings.compose.delete}
        onConfirm={() => void state.remove()}
        onCancel={() => state.setConfirmDelete(false)}
      >
        {strings.compose.deleteConfirm}
      </ConfirmDialog>
    </div>
  );
}
