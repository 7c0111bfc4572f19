import { makeStyles, tokens } from '@fluentui/react-components';

export const useSendPanelStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, width: '100%' },
  zone: { flexGrow: 1, minWidth: '12rem' },
});
