import { Button, Field, Input, Text } from '@fluentui/react-components';
import { MAX_BUTTONS } from '../../../../api/contract/card-content';
import type { FieldErrors } from '../../lib/field-errors';
import { strings } from '../../strings';
import { useButtonsEditorStyles } from './useButtonsEditorStyles.styles';

export interface CardButton {
  title: string;
  url: string;
}

export interface ButtonsEditorProps {
  buttons: CardButton[];
  errors: FieldErrors;
  onChange: (buttons: CardButton[]) => void;
  onBlur: (path: string) => void;
}

/** Up to six "open this link" buttons; adding stops at the limit rather than failing on save. */
export function ButtonsEditor(props: ButtonsEditorProps) {
  const styles = useButtonsEditorStyles();
  const { buttons } = props;
  const update = (index: number, patch: Partial<CardButton>) => props.onChange(buttons.map((b, i) => (i === index ? { ...b, ...patch } : b)));
  const full = buttons.length >= MAX_BUTTONS;
  return (
    <fieldset className={styles.root}>
      <legend className={styles.legend}>{strings.compose.buttons}</legend>
      {buttons.map((button, index) => (
        <div key={index} className={styles.row}>
          <Field className={styles.field} label={strings.compose.buttonTitle(index + 1)} validationMessage={props.errors[`buttons.${index}.title`]}>
            <Input value={button.title} onChange={(_, data) => update(index, { title: data.value })} onBlur={() => props.onBlur(`buttons.${index}.title`)} />
          </Field>
          <Field className={styles.field} label={strings.compose.buttonUrl(index + 1)} validationMessage={props.errors[`buttons.${index}.url`]}>
            <Input type="url" value={button.url} onChange={(_, data) => update(index, { url: data.value })} onBlur={() => props.onBlur(`buttons.${index}.url`)} />
          </Field>
          <Button className={styles.remove} onClick={() => props.onChange(buttons.filter((_, i) => i !== index))}>
            {strings.compose.removeButton(index + 1)}
          </Button>
        </div>
      ))}
      <Button disabled={full} onClick={() => props.onChange([...buttons, { title: '', url: '' }])}>
        {strings.compose.addButton}
      </Button>
      {full ? <Text size={200}>{strings.compose.maxButtons(MAX_BUTTONS)}</Text> : null}
    </fieldset>
  );
}
