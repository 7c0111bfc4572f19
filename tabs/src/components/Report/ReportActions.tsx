import { Button } from '@fluentui/react-components';
import type { Report } from '../../../../api/contract/notifications';
import { strings } from '../../strings/en';
import { useReportStyles } from './useReportStyles.styles';

export interface ReportActionsProps {
  report: Report;
  busy: boolean;
  onCancel: () => void;
  onResend: () => void;
  onEdit: () => void;
  onRecall: () => void;
  onExport: () => void;
}

const LIVE = ['scheduled', 'resolving', 'sending'];

/** Only the actions that make sense in the notification's current status are offered. */
export function ReportActions(props: ReportActionsProps) {
  const styles = useReportStyles();
  const { report, busy } = props;
  const live = LIVE.includes(report.status);
  const delivered = (report.counts.sent ?? 0) > 0;
  return (
    <div className={styles.actions}>
      {live ? <Button disabled={busy} onClick={props.onCancel}>{strings.report.cancelSend}</Button> : null}
      {!live && (report.counts.failed ?? 0) > 0 ? <Button disabled={busy} onClick={props.onResend}>{strings.report.resend}</Button> : null}
      {delivered ? <Button disabled={busy} onClick={props.onEdit}>{strings.report.edit}</Button> : null}
      {delivered ? <Button disabled={busy} onClick={props.onRecall}>{strings.report.recall}</Button> : null}
      <Button disabled={busy} onClick={props.onExport}>{strings.report.exportCsv}</Button>
    </div>
  );
}
