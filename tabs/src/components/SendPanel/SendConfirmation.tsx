import { Text } from '@fluentui/react-components';
import type { Audience, AudiencePreview } from '../../../../api/contract/audience';
import type { SendInput } from '../../../../api/contract/notifications';
import { dateTime, strings } from '../../strings';
import { sourceLabel } from '../AudiencePicker/audience-sources';

/** Exactly who will receive it: the resolved count, every named source, exclusions, guests, and when. */
export function SendConfirmation(props: { title: string; audience: Audience; preview?: AudiencePreview; input: SendInput }) {
  const { audience, preview, input } = props;
  const when = input.scheduledAt
    ? strings.send.confirmScheduled(dateTime(input.scheduledAt, 'full', input.timeZone), input.timeZone)
    : strings.send.confirmNow;
  return (
    <>
      {preview ? <Text block weight="semibold">{strings.send.confirmRecipients(preview.recipients, props.title)}</Text> : null}
      <Text block>{strings.send.confirmSources}</Text>
      <ul aria-label={strings.send.confirmSources}>
        {audience.include.map((source, index) => (
          <li key={index}>{`${sourceLabel(source)} (${strings.audience.kinds[source.kind]})`}</li>
        ))}
      </ul>
      {audience.exclude.length > 0 ? (
        <>
          <Text block>{strings.send.confirmExcluded}</Text>
          <ul aria-label={strings.send.confirmExcluded}>
            {audience.exclude.map((source, index) => (
              <li key={index}>{`${sourceLabel(source)} (${strings.audience.kinds[source.kind]})`}</li>
            ))}
          </ul>
        </>
      ) : null}
      <Text block>{strings.send.confirmGuests(audience.includeGuests)}</Text>
      <Text block>{when}</Text>
    </>
  );
}
