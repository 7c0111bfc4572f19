import { makeStyles, tokens } from '@fluentui/react-components';

export const useImageFieldStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: '12rem' },
  button: { marginTop: tokens.spacingVerticalXXL },
  // Two lines of caption text, whichever of the hint or the error shows.
  message: { minHeight: `calc(2 * ${tokens.lineHeightBase200})` },
});
