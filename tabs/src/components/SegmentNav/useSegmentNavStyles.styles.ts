import { makeStyles, tokens } from '@fluentui/react-components';

const underline = { content: '""', position: 'absolute' as const, left: tokens.spacingHorizontalS, right: tokens.spacingHorizontalS, bottom: '0', height: tokens.strokeWidthThicker, borderRadius: tokens.borderRadiusCircular };

export const useSegmentNavStyles = makeStyles({
  root: { minWidth: 0, maxWidth: '100%' },
  list: { display: 'flex', flexWrap: 'wrap', listStyleType: 'none', margin: 0, padding: 0, columnGap: tokens.spacingHorizontalXXS },
  item: { position: 'relative', fontWeight: tokens.fontWeightRegular },
  selected: {
    position: 'relative',
    fontWeight: tokens.fontWeightSemibold,
    '::after': { ...underline, backgroundColor: tokens.colorCompoundBrandStroke },
  },
});
