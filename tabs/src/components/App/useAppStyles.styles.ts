import { makeStyles, tokens } from '@fluentui/react-components';

export const useAppStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // At 400 px (Teams' side panel, mobile) the sections wrap onto a second line instead of being cut off.
  nav: { minWidth: 0, maxWidth: '100%' },
  tabs: { flexWrap: 'wrap' },
  me: { color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
  main: {
    padding: tokens.spacingHorizontalM,
    maxWidth: '80rem',
    margin: '0 auto',
    boxSizing: 'border-box',
    '@media (min-width: 600px)': { padding: tokens.spacingHorizontalXXL },
  },
  loading: { padding: tokens.spacingVerticalXXL },
  notice: { padding: tokens.spacingHorizontalXL, maxWidth: '40rem' },
  noticeTitle: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});
