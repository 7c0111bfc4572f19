import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { errorMessage } from '../../api/api-error';
import { SignInRefused } from '../../host/sign-in-error';
import { strings } from '../../strings';
import { useAppStyles } from './useAppStyles.styles';

/**
 * The tab could not start: an account the directory does not know gets a screen that says so and what to do;
 * anything else says what happened and offers to try again.
 */
export function LoadFailed(props: { error: unknown; who?: string; onRetry: () => void }) {
  const styles = useAppStyles();
  if (props.error instanceof SignInRefused) {
    return (
      <main className={styles.notice}>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <h1 className={styles.noticeTitle}>{strings.signIn.unknownTitle}</h1>
            <p>{strings.signIn.unknownBody(props.who ?? strings.signIn.someone)}</p>
            <p>{strings.signIn.unknownHint}</p>
          </MessageBarBody>
        </MessageBar>
      </main>
    );
  }
  return (
    <main className={styles.notice}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{errorMessage(props.error)}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={props.onRetry}>{strings.retry}</Button>
        </MessageBarActions>
      </MessageBar>
    </main>
  );
}
