import { makeStyles, tokens } from '@fluentui/react-components';

export const useNotAuthorisedStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL, maxWidth: '40rem' },
});
