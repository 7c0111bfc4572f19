import { InteractionTag, InteractionTagPrimary, InteractionTagSecondary, TagGroup, Text } from '@fluentui/react-components';
import type { AudienceSource } from '../../../../api/contract/audience';
import { strings } from '../../strings';
import { csvRowCount, sourceKey, sourceLabel } from '../AudiencePicker/audience-sources';

export interface AudienceChipsProps {
  label: string;
  sources: AudienceSource[];
  onRemove: (key: string) => void;
}

/** The chosen sources as chips, each with its own "Remove" button; a CSV chip says how many rows it holds. */
export function AudienceChips(props: AudienceChipsProps) {
  if (props.sources.length === 0) return <Text size={200}>{strings.audience.noneChosen}</Text>;
  return (
    <TagGroup aria-label={props.label} onDismiss={(_, data) => props.onRemove(String(data.value))}>
      {props.sources.map((source) => {
        const key = sourceKey(source);
        const name = sourceLabel(source);
        const kind = strings.audience.kinds[source.kind];
        const secondary = source.kind === 'csv' ? `${kind} · ${strings.audience.csvRows(csvRowCount(source.text))}` : kind;
        return (
          <InteractionTag key={key} value={key}>
            <InteractionTagPrimary hasSecondaryAction secondaryText={secondary}>{name}</InteractionTagPrimary>
            <InteractionTagSecondary aria-label={strings.audience.remove(name)} />
          </InteractionTag>
        );
      })}
    </TagGroup>
  );
}
