import { makeStyles, tokens } from '@fluentui/react-components';

export const useAudiencePickerStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  csv: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '100%', overflow: 'hidden' },
});
