import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * Tables on a wide tab; at Teams' side-panel and mobile widths each row becomes a card of labelled lines, so nothing
 * scrolls sideways and every button stays in sight.
 */
export const useNotificationsStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  sections: { flexWrap: 'wrap' },
  table: {
    '@media (max-width: 640px)': { display: 'block', '& tbody': { display: 'block' } },
  },
  header: { '@media (max-width: 640px)': { display: 'none' } },
  row: {
    '@media (max-width: 640px)': {
      display: 'flex',
      flexDirection: 'column',
      alignItems: 'stretch',
      gap: tokens.spacingVerticalXS,
      padding: `${tokens.spacingVerticalS} 0`,
      '& > td': { display: 'flex', gap: tokens.spacingHorizontalS, height: 'auto', minHeight: 0, minWidth: 0, padding: `0 ${tokens.spacingHorizontalXS}`, overflowWrap: 'anywhere' },
      '& > td::before': { content: 'attr(data-label)', flexShrink: 0, width: '7rem', color: tokens.colorNeutralForeground2 },
    },
  },
});
