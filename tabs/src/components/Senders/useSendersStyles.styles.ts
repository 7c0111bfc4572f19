import { makeStyles, tokens } from '@fluentui/react-components';

export const useSendersStyles = makeStyles({
  kinds: { display: 'flex', flexWrap: 'wrap', alignItems: 'center' },
  kindsLabel: { width: '100%' },
  add: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    maxWidth: '40rem',
  },
  grant: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
  save: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
});
