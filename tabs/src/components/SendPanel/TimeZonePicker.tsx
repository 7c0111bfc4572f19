import { Combobox, Field, Option } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { formatLocale, strings } from '../../strings';
import { browserTimeZone, zoneChoices, zoneMatches } from '../../lib/zoned-time';

/** Shown at most: typing narrows ~420 zones to a few, and a long list of options is slow to scroll and to read out. */
const MAX_SHOWN = 40;

/** A searchable list of time zones: offsets, cities and names in the person's language, their own zone first. */
export function TimeZonePicker(props: { value: string; onChange: (zone: string) => void }) {
  const zones = useMemo(() => zoneChoices(formatLocale()), []);
  const own = browserTimeZone();
  const selectedLabel = zones.find((zone) => zone.id === props.value)?.label ?? props.value;
  // What the person typed; while it still reads as the chosen zone's label, the whole list is offered.
  const [text, setText] = useState(selectedLabel);
  const searching = text !== selectedLabel;
  const shown = (searching ? zones.filter((zone) => zoneMatches(zone, text)) : zones).slice(0, MAX_SHOWN);
  return (
    <Field label={strings.send.timeZone} hint={strings.send.timeZoneHint}>
      <Combobox
        freeform
        value={text}
        selectedOptions={[props.value]}
        onInput={(event) => setText((event.target as HTMLInputElement).value)}
        onOptionSelect={(_, data) => {
          if (!data.optionValue) return;
          props.onChange(data.optionValue);
          setText(data.optionText ?? data.optionValue);
        }}
        onBlur={() => setText(selectedLabel)}
      >
        {shown.map((zone) => (
          <Option key={zone.id} value={zone.id} text={zone.label}>
            {zone.id === own ? strings.send.ownZone(zone.label) : zone.label}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
