import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * Wide: the step and its buttons on the left, the preview beside them. Narrow (Teams' side panel, mobile): the
 * step, then the preview, then the buttons, so the card is seen before it is sent.
 */
export const useComposeStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gridTemplateAreas: '"main" "preview" "actions"',
    gap: tokens.spacingVerticalL,
    '@media (min-width: 900px)': {
      gridTemplateColumns: 'minmax(0, 3fr) minmax(300px, 2fr)',
      gridTemplateAreas: '"main preview" "actions preview"',
      gridTemplateRows: 'auto 1fr',
      columnGap: tokens.spacingHorizontalXXL,
    },
  },
  main: { gridArea: 'main', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  steps: { flexWrap: 'wrap' },
  preview: { gridArea: 'preview', minWidth: 0, '@media (min-width: 900px)': { position: 'sticky', top: tokens.spacingVerticalL, alignSelf: 'start' } },
  actions: { gridArea: 'actions', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, alignSelf: 'start' },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  message: { minWidth: 0 },
});
