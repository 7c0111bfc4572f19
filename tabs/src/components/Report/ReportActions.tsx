import { Button } from '@fluentui/react-components';
import type { NotificationAction } from '../../../../api/contract/notifications';
import { strings } from '../../strings';
import { useReportStyles } from './useReportStyles.styles';

export interface ReportActionsProps {
  actions: NotificationAction[];
  busy: boolean;
  onCancel: () => void;
  onResend: () => void;
  onEdit: () => void;
  onRecall: () => void;
  onDuplicate: () => void;
  onExport: () => void;
}

/** Exactly the actions the server says the person may take now; export is always there. */
export function ReportActions(props: ReportActionsProps) {
  const styles = useReportStyles();
  const { actions, busy } = props;
  const may = (action: NotificationAction) => actions.includes(action);
  return (
    <div className={styles.actions}>
      {may('cancel') ? <Button disabled={busy} onClick={props.onCancel}>{strings.report.cancelSend}</Button> : null}
      {may('resendFailed') ? <Button disabled={busy} onClick={props.onResend}>{strings.report.resend}</Button> : null}
      {may('edit') ? <Button disabled={busy} onClick={props.onEdit}>{strings.report.edit}</Button> : null}
      {may('recall') ? <Button disabled={busy} onClick={props.onRecall}>{strings.report.recall}</Button> : null}
      {may('duplicate') ? <Button disabled={busy} onClick={props.onDuplicate}>{strings.report.duplicate}</Button> : null}
      <Button disabled={busy} onClick={props.onExport}>{strings.report.exportCsv}</Button>
    </div>
  );
}
