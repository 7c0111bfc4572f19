import { makeStyles, tokens } from '@fluentui/react-components';

export const useNotificationsStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  scroll: { overflowX: 'auto' },
  table: { minWidth: '32rem' },
});
