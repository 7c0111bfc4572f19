import { makeStyles, tokens } from '@fluentui/react-components';

export const useAudienceSearchStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  text: { flexGrow: 1, minWidth: 0, overflow: 'hidden' },
  announce: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});
