import { Field, Input, Radio, RadioGroup, Switch, Textarea } from '@fluentui/react-components';
import type { ComposeForm, Importance } from '../../lib/compose-form';
import type { FieldErrors } from '../../lib/field-errors';
import { strings } from '../../strings';
import { ButtonsEditor } from '../ButtonsEditor/ButtonsEditor';
import { ImageField } from '../ImageField/ImageField';
import { PollEditor } from '../PollEditor/PollEditor';
import { useContentFieldsStyles } from './useContentFieldsStyles.styles';

export interface ContentFieldsProps {
  form: ComposeForm;
  errors: FieldErrors;
  onChange: (patch: Partial<ComposeForm>) => void;
  onBlur: (path: string) => void;
}

const IMPORTANCE: Importance[] = ['normal', 'high', 'urgent'];

/** Everything the card says; each field shows the shared schema's message for it. */
export function ContentFields(props: ContentFieldsProps) {
  const { form, errors, onChange, onBlur } = props;
  const styles = useContentFieldsStyles();
  const error = (path: string) => ({ validationMessage: errors[path], validationState: errors[path] ? ('error' as const) : ('none' as const) });
  return (
    <div className={styles.root}>
      <Field label={strings.compose.title} required {...error('title')}>
        <Input value={form.title} onChange={(_, data) => onChange({ title: data.value })} onBlur={() => onBlur('title')} />
      </Field>
      <Field label={strings.compose.summary} hint={strings.compose.summaryHint} {...error('summary')}>
        <Textarea resize="vertical" value={form.summary} onChange={(_, data) => onChange({ summary: data.value })} onBlur={() => onBlur('summary')} />
      </Field>
      <ImageField value={form.imageUrl} error={errors.imageUrl} onChange={(imageUrl) => onChange({ imageUrl })} onBlur={() => onBlur('imageUrl')} />
      <Field label={strings.compose.body} {...error('body')}>
        <Textarea resize="vertical" rows={5} value={form.body} onChange={(_, data) => onChange({ body: data.value })} onBlur={() => onBlur('body')} />
      </Field>
      <ButtonsEditor buttons={form.buttons} errors={errors} onChange={(buttons) => onChange({ buttons })} onBlur={onBlur} />
      <Field label={strings.compose.importance}>
        <RadioGroup layout="horizontal" value={form.importance} onChange={(_, data) => onChange({ importance: data.value as Importance })}>
          {IMPORTANCE.map((level) => (
            <Radio key={level} value={level} label={strings.compose.importanceOptions[level]} />
          ))}
        </RadioGroup>
      </Field>
      <Switch label={strings.compose.acknowledge} checked={form.acknowledge} onChange={(_, data) => onChange({ acknowledge: data.checked })} />
      <PollEditor
        enabled={form.pollEnabled}
        poll={form.poll}
        errors={errors}
        onToggle={(pollEnabled) => onChange({ pollEnabled })}
        onChange={(poll) => onChange({ poll })}
        onBlur={onBlur}
      />
    </div>
  );
}
