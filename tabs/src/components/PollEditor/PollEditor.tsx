import { Button, Checkbox, Field, Input, Switch } from '@fluentui/react-components';
import { MAX_POLL_OPTIONS } from '../../../../api/contract/card-content';
import type { ComposeForm } from '../../lib/compose-form';
import type { FieldErrors } from '../../lib/field-errors';
import { strings } from '../../strings';
import { useButtonsEditorStyles } from '../ButtonsEditor/useButtonsEditorStyles.styles';

type Poll = ComposeForm['poll'];

export interface PollEditorProps {
  enabled: boolean;
  poll: Poll;
  errors: FieldErrors;
  onToggle: (enabled: boolean) => void;
  onChange: (poll: Poll) => void;
  onBlur: (path: string) => void;
}

/** An optional poll: a question and 2–10 options, single or multiple choice. */
export function PollEditor(props: PollEditorProps) {
  const styles = useButtonsEditorStyles();
  const { poll } = props;
  const setOption = (index: number, value: string) => props.onChange({ ...poll, options: poll.options.map((o, i) => (i === index ? value : o)) });
  const toggle = <Switch label={strings.compose.poll} checked={props.enabled} onChange={(_, data) => props.onToggle(data.checked)} />;
  if (!props.enabled) return toggle;
  return (
    <fieldset className={styles.root}>
      <legend className={styles.legend}>{toggle}</legend>
      <Field label={strings.compose.pollQuestion} validationMessage={props.errors['poll.question']}>
        <Input value={poll.question} onChange={(_, data) => props.onChange({ ...poll, question: data.value })} onBlur={() => props.onBlur('poll.question')} />
      </Field>
      {poll.options.map((option, index) => (
        <div key={index} className={styles.row}>
          <Field className={styles.field} label={strings.compose.pollOption(index + 1)} validationMessage={props.errors[`poll.options.${index}`]}>
            <Input value={option} onChange={(_, data) => setOption(index, data.value)} onBlur={() => props.onBlur(`poll.options.${index}`)} />
          </Field>
          <Button disabled={poll.options.length <= 2} onClick={() => props.onChange({ ...poll, options: poll.options.filter((_, i) => i !== index) })}>
            {strings.compose.removeOption(index + 1)}
          </Button>
        </div>
      ))}
      {props.errors['poll.options'] ? <span role="alert">{props.errors['poll.options']}</span> : null}
      <Button disabled={poll.options.length >= MAX_POLL_OPTIONS} onClick={() => props.onChange({ ...poll, options: [...poll.options, ''] })}>
        {strings.compose.addOption}
      </Button>
      <Checkbox label={strings.compose.pollMultiple} checked={poll.multiple} onChange={(_, data) => props.onChange({ ...poll, multiple: data.checked === true })} />
      <Checkbox label={strings.compose.pollShowResults} checked={poll.showResults} onChange={(_, data) => props.onChange({ ...poll, showResults: data.checked === true })} />
    </fieldset>
  );
}
