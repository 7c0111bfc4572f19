import { Spinner, Text } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import type { ReachFunnel } from '../../../../api/contract/reach';
import { strings } from '../../strings';
import { ChartBoundary } from './ChartBoundary';
import { useReachChartPanel } from './useReachChartPanel';

const ReachChart = lazy(() => import('./ReachChart'));

/** The chart of cumulative seen and acknowledged, under the funnel; the chart's code loads only when it is shown. */
export function ReachChartPanel(props: { notificationId: string; reach: ReachFunnel }) {
  const panel = useReachChartPanel(props.notificationId, props.reach.seen, props.reach.acknowledged);
  return (
    <section aria-label={strings.reach.chart}>
      {panel.error ? <Text role="alert">{panel.error}</Text> : null}
      {!panel.timeline && !panel.error ? <Spinner size="tiny" label={strings.reach.chartLoading} /> : null}
      {panel.empty ? <Text>{strings.reach.chartEmpty}</Text> : null}
      {panel.timeline && !panel.empty ? (
        <ChartBoundary fallback={strings.reach.chartUnavailable}>
          <Suspense fallback={<Spinner size="tiny" label={strings.reach.chartLoading} />}>
            <ReachChart timeline={panel.timeline} />
          </Suspense>
        </ChartBoundary>
      ) : null}
    </section>
  );
}
