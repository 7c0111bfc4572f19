import { Field, Radio, RadioGroup, Switch, Text } from '@fluentui/react-components';
import type { Audience } from '../../../../api/contract/audience';
import { strings } from '../../strings';
import { AudienceChips } from '../AudienceChips/AudienceChips';
import { AudienceSearch } from '../AudienceSearch/AudienceSearch';
import { AudienceSummary } from './AudienceSummary';
import type { AudiencePreviewState } from './useAudiencePreview';
import { useAudiencePicker, type PickTarget } from './useAudiencePicker';
import { useAudiencePickerStyles } from './useAudiencePickerStyles.styles';

export interface AudiencePickerProps {
  audience: Audience;
  preview: AudiencePreviewState;
  allowedKinds: string[];
  onChange: (audience: Audience) => void;
}

/** Who receives the notification: searched sources, everyone, CSV files, exclusions and guests, with the count. */
export function AudiencePicker(props: AudiencePickerProps) {
  const state = useAudiencePicker(props.audience, props.onChange, props.allowedKinds);
  const styles = useAudiencePickerStyles();
  return (
    <section aria-label={strings.audience.heading} className={styles.root}>
      <Text as="h2" weight="semibold" size={500}>{strings.audience.heading}</Text>
      <Field label={strings.audience.addTo}>
        <RadioGroup layout="horizontal" value={state.target} onChange={(_, data) => state.setTarget(data.value as PickTarget)}>
          <Radio value="include" label={strings.audience.addToInclude} />
          <Radio value="exclude" label={strings.audience.addToExclude} />
        </RadioGroup>
      </Field>
      {state.searchKinds.length > 0 ? <AudienceSearch kinds={state.searchKinds} onPick={state.pick} /> : null}
      {state.mayUse('everyone') ? <Switch label={strings.audience.everyone} checked={state.everyone} onChange={(_, data) => state.setEveryone(data.checked)} /> : null}
      {state.mayUse('csv') ? (
        <label className={styles.csv}>
          {strings.audience.csv}
          <input type="file" accept=".csv,text/csv,text/plain" onChange={(event) => void state.addCsv(event)} />
        </label>
      ) : null}
      <Text weight="semibold">{strings.audience.included}</Text>
      <AudienceChips label={strings.audience.included} sources={props.audience.include} onRemove={(key) => state.remove('include', key)} />
      <Text weight="semibold">{strings.audience.excluded}</Text>
      <AudienceChips label={strings.audience.excluded} sources={props.audience.exclude} onRemove={(key) => state.remove('exclude', key)} />
      <Switch label={strings.audience.guests} checked={props.audience.includeGuests} onChange={(_, data) => props.onChange({ ...props.audience, includeGuests: data.checked })} />
      <AudienceSummary state={props.preview} sources={[...props.audience.include, ...props.audience.exclude]} />
    </section>
  );
}
