import { makeStyles } from '@fluentui/react-components';

export const useSendersStyles = makeStyles({
  kinds: { display: 'flex', flexWrap: 'wrap' },
});
