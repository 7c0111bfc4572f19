import { makeStyles, tokens } from '@fluentui/react-components';

export const useReachFunnelStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  stages: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  stage: { display: 'grid', gridTemplateColumns: 'minmax(8rem, max-content) 1fr minmax(6rem, max-content)', alignItems: 'center', gap: tokens.spacingHorizontalM },
  number: { fontWeight: tokens.fontWeightSemibold, textAlign: 'end' },
  aside: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});
