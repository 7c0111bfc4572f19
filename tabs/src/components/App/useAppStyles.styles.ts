import { makeStyles, tokens } from '@fluentui/react-components';

export const useAppStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  nav: { overflowX: 'auto', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground1 },
  main: {
    padding: tokens.spacingHorizontalL,
    maxWidth: '80rem',
    margin: '0 auto',
    boxSizing: 'border-box',
    '@media (min-width: 600px)': { padding: tokens.spacingHorizontalXXL },
  },
  loading: { padding: tokens.spacingVerticalXXL },
});
