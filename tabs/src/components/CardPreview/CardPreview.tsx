import { Text } from '@fluentui/react-components';
import type { CardContent } from '../../../../api/contract/cards';
import { strings } from '../../strings';
import { useCardPreview } from './useCardPreview';
import { useCardPreviewStyles } from './useCardPreviewStyles.styles';

/** The card as recipients will see it in the current Teams theme, and how much of the size limit is left. */
export function CardPreview(props: { content: CardContent }) {
  const { ref, remaining } = useCardPreview(props.content);
  const styles = useCardPreviewStyles();
  return (
    <section aria-label={strings.compose.preview} className={styles.root}>
      <Text as="h2" weight="semibold" size={400}>{strings.compose.preview}</Text>
      <div ref={ref} role="group" aria-label={strings.compose.previewCard} className={styles.card} />
      <Text role="status" size={200} className={remaining < 0 ? styles.over : undefined}>
        {remaining >= 0 ? strings.compose.budget(remaining) : strings.compose.overBudget(-remaining)}
      </Text>
    </section>
  );
}
