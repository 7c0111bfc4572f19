import { makeStyles, tokens } from '@fluentui/react-components';

const columns = { display: 'grid', gridTemplateColumns: 'minmax(6rem, 2fr) minmax(6rem, 2fr) minmax(5rem, 1fr) minmax(5rem, 2fr) minmax(5rem, 1fr) minmax(5rem, 1fr) minmax(5rem, 1fr)', alignItems: 'center' };

export const useRecipientTableStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  table: { overflowX: 'auto', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  header: { ...columns, minWidth: '32rem', fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
  scroller: { height: '24rem', overflowY: 'auto', minWidth: '32rem', ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  spacer: { position: 'relative', width: '100%' },
  row: {
    ...columns,
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    height: '44px',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  reason: { borderRadius: tokens.borderRadiusSmall, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  cell: { padding: `0 ${tokens.spacingHorizontalS}`, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});
