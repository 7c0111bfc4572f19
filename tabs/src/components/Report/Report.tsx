import { Button, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { strings } from '../../strings/en';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog';
import { RecipientTable } from '../RecipientTable/RecipientTable';
import { ReportSummary } from '../ReportSummary/ReportSummary';
import { ReportActions } from './ReportActions';
import { ReportFilters } from './ReportFilters';
import { useReport, type ReportNavigation } from './useReport';
import { useReportStyles } from './useReportStyles.styles';

/** The live delivery report of one notification. */
export function Report(props: { id: string; nav: ReportNavigation }) {
  const state = useReport(props.id, props.nav);
  const styles = useReportStyles();
  const { report, notification } = state;
  return (
    <div className={styles.root}>
      <Button appearance="subtle" className={styles.back} onClick={props.nav.openList}>{strings.report.back}</Button>
      <Text as="h1" size={600} weight="semibold">{notification?.title ?? strings.report.heading}</Text>
      {notification ? <Text>{strings.notifications.status[notification.status]}</Text> : null}
      {state.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {!report ? (
        state.error ? null : <Spinner label={strings.loading} />
      ) : (
        <>
          <ReportActions
            report={report}
            busy={state.busy}
            onCancel={() => state.setConfirm('cancel')}
            onResend={() => void state.resend()}
            onEdit={state.edit}
            onRecall={() => state.setConfirm('recall')}
            onExport={() => void state.exportCsv()}
          />
          <ReportSummary report={report} />
          <ReportFilters report={report} filter={state.filter} onChange={state.setFilter} />
          <RecipientTable notificationId={props.id} filter={state.filter} version={state.version} />
        </>
      )}
      <ConfirmDialog
        open={state.confirm !== undefined}
        title={state.confirm === 'recall' ? strings.report.recall : strings.report.cancelSend}
        confirmLabel={state.confirm === 'recall' ? strings.report.recall : strings.report.cancelSend}
        onConfirm={() => void (state.confirm === 'recall' ? state.recall() : state.cancel())}
        onCancel={() => state.setConfirm(undefined)}
      >
        {state.confirm === 'recall' ? strings.report.recallConfirm : strings.report.cancelConfirm}
      </ConfirmDialog>
    </div>
  );
}
