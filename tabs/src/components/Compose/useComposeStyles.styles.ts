import { makeStyles, tokens } from '@fluentui/react-components';

/** Two columns on a desktop tab, one (preview after the editor) down to Teams mobile's 360 px. */
export const useComposeStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXXL,
    '@media (min-width: 900px)': { gridTemplateColumns: 'minmax(0, 3fr) minmax(280px, 2fr)' },
  },
  editor: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  preview: { minWidth: 0, '@media (min-width: 900px)': { position: 'sticky', top: tokens.spacingVerticalL, alignSelf: 'start' } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});
