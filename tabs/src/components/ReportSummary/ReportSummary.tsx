import { Field, ProgressBar, Text } from '@fluentui/react-components';
import type { RecipientState, Report } from '../../../../api/contract/notifications';
import { durationInWords } from '../../lib/duration-words';
import { num, strings } from '../../strings';
import { reasonName, reasonText } from './reason-words';
import { useReportSummaryStyles } from './useReportSummaryStyles.styles';

const STATES: RecipientState[] = ['pending', 'installing', 'ready', 'sending', 'sent', 'failed', 'cancelled'];
const FINISHED: RecipientState[] = ['sent', 'failed', 'cancelled'];

/** Progress, counts by state, failure reasons, acknowledgements and poll results of one report. */
export function ReportSummary(props: { report: Report }) {
  const { report } = props;
  const styles = useReportSummaryStyles();
  const count = (state: RecipientState) => report.counts[state] ?? 0;
  const done = FINISHED.reduce((sum, state) => sum + count(state), 0);
  const reasons = Object.entries(report.reasons).filter(([, n]) => n > 0);
  return (
    <div className={styles.root}>
      <Field label={strings.report.progress} hint={strings.report.progressText(done, report.total)}>
        <ProgressBar value={report.total > 0 ? done / report.total : 0} max={1} thickness="large" />
      </Field>
      {report.etaSeconds !== null && done < report.total ? <Text>{strings.report.eta(durationInWords(report.etaSeconds))}</Text> : null}
      <dl aria-label={strings.report.counts} className={styles.counts}>
        {STATES.filter((state) => count(state) > 0 || state === 'sent' || state === 'failed').map((state) => (
          <div key={state} className={styles.count}>
            <dt>{strings.report.states[state]}</dt>
            <dd className={styles.number}>{num(count(state))}</dd>
          </div>
        ))}
      </dl>
      {reasons.length > 0 ? (
        <section aria-label={strings.report.reasons}>
          <Text weight="semibold">{strings.report.reasons}</Text>
          <ul>
            {reasons.map(([reason, n]) => (
              <li key={reason} title={reasonText(reason)}>{strings.report.reasonCount(reasonName(reason), n)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <Text role="status">{strings.report.acknowledged(report.acknowledged)}</Text>
      {report.poll ? <PollResults poll={report.poll} /> : null}
    </div>
  );
}

function PollResults(props: { poll: NonNullable<Report['poll']> }) {
  const { poll } = props;
  return (
    <section aria-label={strings.report.poll}>
      <Text weight="semibold">{strings.report.poll}</Text>
      <Text block size={200}>{strings.report.pollVotes(poll.total)}</Text>
      {poll.options.map((option, index) => {
        const votes = poll.counts[index] ?? 0;
        return (
          <Field key={option} label={strings.report.pollOption(option, votes)}>
            <ProgressBar value={poll.total > 0 ? votes / poll.total : 0} max={1} />
          </Field>
        );
      })}
    </section>
  );
}
