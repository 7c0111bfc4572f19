import { MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import type { AudienceSource } from '../../../../api/contract/audience';
import { durationInWords } from '../../lib/duration-words';
import { strings } from '../../strings';
import { csvRowOf } from './audience-sources';
import type { AudiencePreviewState } from './useAudiencePreview';

/** The resolved count, how many need Herald installed, people without a licence, the estimate and refused CSV rows. */
export function AudienceSummary(props: { state: AudiencePreviewState; sources?: AudienceSource[] }) {
  const { preview, loading, error } = props.state;
  if (error) return <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>;
  if (loading) return <Spinner size="tiny" label={strings.audience.resolving} />;
  if (!preview) return null;
  const unlicensed = preview.unlicensed ?? 0;
  return (
    <div role="status">
      <Text block weight="semibold">{strings.audience.count(preview.recipients)}</Text>
      <Text block>{strings.audience.needInstall(preview.needInstall)}</Text>
      <Text block>{strings.audience.estimate(durationInWords(preview.estimatedSeconds))}</Text>
      {unlicensed > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>{strings.audience.unlicensed(unlicensed)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {preview.csvErrors.length > 0 ? (
        <>
          <Text block>{strings.audience.csvErrors(preview.csvErrors.length)}</Text>
          <ul>
            {preview.csvErrors.map((row, index) => (
              <li key={`${row.row}-${index}`}>
                {strings.audience.csvRow(csvRowOf(props.sources ?? [], row.row, row.value), row.value, row.row > 0 ? strings.audience.csvReasons.invalid : strings.audience.csvReasons.unknown)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
