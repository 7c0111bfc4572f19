import { Button, MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import type { Me } from '../../../../api/contract/admin';
import { errorMessage } from '../../api/api-error';
import { dateTime, strings } from '../../strings';
import { ScreenHeading } from '../App/screen-focus';
import type { Navigation } from '../App/useApp';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog';
import { RecipientTable } from '../RecipientTable/RecipientTable';
import { ReportSummary } from '../ReportSummary/ReportSummary';
import { ReachFunnel } from '../ReachFunnel/ReachFunnel';
import { ReachChartPanel } from '../ReachChart/ReachChartPanel';
import { ReportActions } from './ReportActions';
import { ReportFilters } from './ReportFilters';
import { resendable, useReport, type Pending } from './useReport';
import { useReportStyles } from './useReportStyles.styles';

/** The live delivery report of one notification. */
export function Report(props: { id: string; nav: Navigation; me: Me }) {
  const state = useReport(props.id, props.nav);
  const styles = useReportStyles();
  const { report, notification, status } = state;
  const scheduled = status === 'scheduled';
  const scheduledAt = report?.scheduledAt ?? notification?.scheduledAt;
  const dialog = dialogFor(state.confirm, report ? resendable(report) : 0);
  return (
    <div className={styles.root}>
      <Button appearance="subtle" className={styles.back} onClick={() => props.nav.openList(scheduled ? 'scheduled' : 'sent')}>{strings.report.back}</Button>
      <ScreenHeading>{notification?.title ?? strings.report.heading}</ScreenHeading>
      {status ? <Text role="status" weight="semibold">{strings.report.status(strings.notifications.status[status])}</Text> : null}
      {state.error ? <MessageBar intent="error"><MessageBarBody>{errorMessage(state.error)}</MessageBarBody></MessageBar> : null}
      {!report ? (
        state.error ? null : <Spinner label={strings.loading} />
      ) : (
        <>
          <ReportActions
            actions={state.actions}
            busy={state.busy}
            onCancel={() => state.setConfirm('cancel')}
            onResend={() => state.setConfirm('resend')}
            onEdit={state.edit}
            onRecall={() => state.setConfirm('recall')}
            onDuplicate={() => void state.duplicate()}
            onExport={() => void state.exportCsv()}
          />
          <div role="status" aria-live="polite">
            {state.message && state.message.text ? <MessageBar intent={state.message.intent}><MessageBarBody>{state.message.text}</MessageBarBody></MessageBar> : null}
          </div>
          {scheduled && scheduledAt ? (
            <MessageBar intent="info">
              <MessageBarBody>{strings.report.scheduledFor(dateTime(scheduledAt, 'full', notification?.timeZone), notification?.timeZone ?? 'UTC')}</MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <ReportSummary report={report} />
              {report.reach ? <ReachFunnel reach={report.reach} /> : null}
              {report.reach ? <ReachChartPanel notificationId={props.id} reach={report.reach} /> : null}
              <ReportFilters report={report} filter={state.filter} onChange={state.setFilter} />
              <RecipientTable notificationId={props.id} filter={state.filter} version={state.version} />
            </>
          )}
        </>
      )}
      <ConfirmDialog
        open={dialog !== undefined}
        title={dialog?.title ?? ''}
        confirmLabel={dialog?.confirm ?? ''}
        onConfirm={() => void (state.confirm === 'recall' ? state.recall() : state.confirm === 'resend' ? state.resend() : state.cancel())}
        onCancel={() => state.setConfirm(undefined)}
      >
        {dialog?.body}
      </ConfirmDialog>
    </div>
  );
}

function dialogFor(pending: Pending, retryable: number) {
  const r = strings.report;
  if (pending === 'cancel') return { title: r.cancelConfirmTitle, body: r.cancelConfirm, confirm: r.cancelSend };
  if (pending === 'recall') return { title: r.recallConfirmTitle, body: r.recallConfirm, confirm: r.recallConfirmButton };
  if (pending === 'resend') return { title: r.resendConfirmTitle, body: r.resendConfirm(retryable), confirm: r.resendConfirmButton };
  return undefined;
}
