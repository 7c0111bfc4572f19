import { makeStyles, tokens } from '@fluentui/react-components';

export const useContentFieldsStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});
