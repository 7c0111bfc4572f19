import { MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { durationInWords } from '../../lib/duration-words';
import { strings } from '../../strings/en';
import type { AudiencePreviewState } from './useAudiencePreview';

/** The resolved count, how many need Herald installed, the delivery estimate and any CSV rows refused. */
export function AudienceSummary(props: { state: AudiencePreviewState }) {
  const { preview, loading, error } = props.state;
  if (error) return <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>;
  if (loading) return <Spinner size="tiny" label={strings.audience.resolving} />;
  if (!preview) return null;
  return (
    <div role="status">
      <Text block weight="semibold">{strings.audience.count(preview.recipients)}</Text>
      <Text block>{strings.audience.needInstall(preview.needInstall)}</Text>
      <Text block>{strings.audience.estimate(durationInWords(preview.estimatedSeconds))}</Text>
      {preview.csvErrors.length > 0 ? (
        <>
          <Text block>{strings.audience.csvErrors(preview.csvErrors.length)}</Text>
          <ul>
            {preview.csvErrors.map((row) => (
              <li key={row.row}>{strings.audience.csvRow(row.row, row.value, row.message)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
