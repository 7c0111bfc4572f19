import { makeStyles, tokens } from '@fluentui/react-components';

export const useFollowUpPlanStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});
