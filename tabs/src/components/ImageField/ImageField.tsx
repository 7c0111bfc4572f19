import { Button, Field, Input } from '@fluentui/react-components';
import { strings } from '../../strings';
import { useImageField } from './useImageField';
import { useImageFieldStyles } from './useImageFieldStyles.styles';

export interface ImageFieldProps {
  value: string;
  error?: string;
  onChange: (value: string) => void;
  onBlur: () => void;
}

/**
 * An image address typed in, or an uploaded file's address. An error replaces the hint in the same reserved space:
 * a message appearing on blur must not move what is below, or the click that caused the blur lands elsewhere.
 */
export function ImageField(props: ImageFieldProps) {
  const state = useImageField(props.onChange);
  const styles = useImageFieldStyles();
  const message = state.uploadError ?? props.error;
  return (
    <div className={styles.row}>
      <Field
        className={styles.field}
        label={strings.compose.image}
        hint={message ? undefined : { children: strings.compose.imageHint, className: styles.message }}
        validationMessage={message ? { children: message, className: styles.message } : undefined}
        validationState={message ? 'error' : 'none'}
      >
        <Input type="url" value={props.value} onChange={(_, data) => props.onChange(data.value)} onBlur={props.onBlur} />
      </Field>
      <Button className={styles.button} onClick={state.chooseFile} disabled={state.uploading}>
        {state.uploading ? strings.compose.uploading : strings.compose.upload}
      </Button>
      <input ref={state.inputRef} type="file" hidden tabIndex={-1} aria-hidden accept={state.accept} onChange={(event) => void state.onFile(event)} />
    </div>
  );
}
