import { ProgressBar, Text, Tooltip } from '@fluentui/react-components';
import type { ReachFunnel as Funnel } from '../../../../api/contract/reach';
import { strings } from '../../strings';
import { useReachFunnel } from './useReachFunnel';
import { useReachFunnelStyles } from './useReachFunnelStyles.styles';

/** Delivered → seen → acknowledged (→ answered), with those not seen yet and those whose reading is not known. */
export function ReachFunnel(props: { reach: Funnel }) {
  const funnel = useReachFunnel(props.reach);
  const styles = useReachFunnelStyles();
  return (
    <section aria-label={strings.reach.funnel} className={styles.root}>
      <Text weight="semibold">{strings.reach.heading}</Text>
      <ul className={styles.stages}>
        {funnel.stages.map((stage) => (
          <li key={stage.key} className={styles.stage}>
            <Text id={`reach-${stage.key}`}>{stage.label}</Text>
            <ProgressBar aria-labelledby={`reach-${stage.key}`} value={stage.share ?? 0} max={1} thickness="large" />
            <Text className={styles.number}>
              {funnel.text(stage.count)} {stage.key === 'delivered' ? '' : strings.reach.share(stage.count, props.reach.delivered)}
            </Text>
          </li>
        ))}
      </ul>
      <div className={styles.aside}>
        <Text>{`${strings.reach.notSeen}: ${funnel.text(props.reach.notSeen)}`}</Text>
        <Tooltip content={strings.reach.unknownHint} relationship="description" withArrow>
          <Text tabIndex={0}>{`${strings.reach.unknown}: ${funnel.text(props.reach.unknown)}`}</Text>
        </Tooltip>
      </div>
      {funnel.aggregateOnly ? <Text size={200}>{strings.reach.aggregateOnly}</Text> : null}
    </section>
  );
}
