import { InteractionTag, InteractionTagPrimary, InteractionTagSecondary, TagGroup, Text } from '@fluentui/react-components';
import type { AudienceSource } from '../../../../api/contract/audience';
import { strings } from '../../strings/en';
import { sourceKey, sourceLabel } from '../AudiencePicker/audience-sources';

export interface AudienceChipsProps {
  label: string;
  sources: AudienceSource[];
  onRemove: (key: string) => void;
}

/** The chosen sources as chips, each with its own "Remove" button. */
export function AudienceChips(props: AudienceChipsProps) {
  if (props.sources.length === 0) return <Text size={200}>{strings.audience.noneChosen}</Text>;
  return (
    <TagGroup aria-label={props.label} onDismiss={(_, data) => props.onRemove(String(data.value))}>
      {props.sources.map((source) => {
        const key = sourceKey(source);
        const name = sourceLabel(source);
        return (
          <InteractionTag key={key} value={key}>
            <InteractionTagPrimary hasSecondaryAction secondaryText={strings.audience.kinds[source.kind]}>{name}</InteractionTagPrimary>
            <InteractionTagSecondary aria-label={strings.audience.remove(name)} />
          </InteractionTag>
        );
      })}
    </TagGroup>
  );
}
