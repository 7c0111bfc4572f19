import { Field, Select } from '@fluentui/react-components';
import type { RecipientState, Report } from '../../../../api/contract/notifications';
import { recipientStateSchema } from '../../../../api/contract/notifications';
import { reachFilterSchema, type ReachFilter } from '../../../../api/contract/reach';
import { strings } from '../../strings';
import type { RecipientFilter } from '../RecipientTable/useRecipientTable';
import { reasonName } from '../ReportSummary/reason-words';
import { useReportStyles } from './useReportStyles.styles';

/** Narrow the recipient table to one state and/or one failure reason (by its name, never its code). */
export function ReportFilters(props: { report: Report; filter: RecipientFilter; onChange: (filter: RecipientFilter) => void }) {
  const styles = useReportStyles();
  const { filter } = props;
  return (
    <div className={styles.filters}>
      <Field label={strings.report.filterState}>
        <Select value={filter.state ?? ''} onChange={(_, data) => props.onChange({ ...filter, state: (data.value || undefined) as RecipientState | undefined })}>
          <option value="">{strings.report.all}</option>
          {recipientStateSchema.options.map((state) => (
            <option key={state} value={state}>{strings.report.states[state]}</option>
          ))}
        </Select>
      </Field>
      <Field label={strings.report.filterReason}>
        <Select value={filter.reason ?? ''} onChange={(_, data) => props.onChange({ ...filter, reason: data.value || undefined })}>
          <option value="">{strings.report.all}</option>
          {Object.keys(props.report.reasons).map((reason) => (
            <option key={reason} value={reason}>{reasonName(reason)}</option>
          ))}
        </Select>
      </Field>
      {props.report.reach ? (
        <Field label={strings.reach.filter}>
          <Select value={filter.reach ?? ''} onChange={(_, data) => props.onChange({ ...filter, reach: (data.value || undefined) as ReachFilter | undefined })}>
            <option value="">{strings.reach.filters.all}</option>
            {reachFilterSchema.options.map((reach) => (
              <option key={reach} value={reach}>{strings.reach.filters[reach]}</option>
            ))}
          </Select>
        </Field>
      ) : null}
    </div>
  );
}
