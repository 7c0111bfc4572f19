import { Text } from '@fluentui/react-components';
import type { Audience, AudiencePreview } from '../../../../api/contract/audience';
import { strings } from '../../strings';
import { AudienceSummary } from '../AudiencePicker/AudienceSummary';
import { sourceLabel } from '../AudiencePicker/audience-sources';

/** The last step: what goes out and to whom, beside the preview, before choosing when. */
export function ReviewSummary(props: { title: string; audience: Audience; preview?: AudiencePreview }) {
  const { audience } = props;
  return (
    <section aria-label={strings.compose.steps.review}>
      <Text as="h2" block weight="semibold" size={500}>{props.title || strings.compose.title}</Text>
      <Text block>{strings.send.confirmSources}</Text>
      {audience.include.length === 0 ? <Text block>{strings.audience.noneChosen}</Text> : (
        <ul aria-label={strings.send.confirmSources}>
          {audience.include.map((source, index) => <li key={index}>{`${sourceLabel(source)} (${strings.audience.kinds[source.kind]})`}</li>)}
        </ul>
      )}
      {audience.exclude.length > 0 ? (
        <ul aria-label={strings.send.confirmExcluded}>
          {audience.exclude.map((source, index) => <li key={index}>{`${sourceLabel(source)} (${strings.audience.kinds[source.kind]})`}</li>)}
        </ul>
      ) : null}
      {props.preview ? <AudienceSummary state={{ preview: props.preview, loading: false }} sources={[...audience.include, ...audience.exclude]} /> : null}
    </section>
  );
}
