import { makeStyles, tokens } from '@fluentui/react-components';

export const useCardPreviewStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground1,
    '& .ac-pushButton': {
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      borderRadius: tokens.borderRadiusMedium,
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorNeutralForeground1,
      fontFamily: tokens.fontFamilyBase,
    },
    '& img': { maxWidth: '100%' },
    // Teams wraps a card's buttons onto more rows rather than cutting the last ones off.
    '& .ac-actionSet': { flexWrap: 'wrap', rowGap: tokens.spacingVerticalS },
    '& .ac-actionSet > button, & .ac-actionSet .ac-pushButton': { flexGrow: 0, flexShrink: 1, minWidth: 0, maxWidth: '100%', whiteSpace: 'normal' },
    // Links in the card's text in the theme's link colour (the browser's default blue is 1.5:1 on dark).
    '& a': { color: tokens.colorBrandForegroundLink },
    '& a:hover': { color: tokens.colorBrandForegroundLinkHover },
  },
  over: { color: tokens.colorPaletteRedForeground1 },
});
