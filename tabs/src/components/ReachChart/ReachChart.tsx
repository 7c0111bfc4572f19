import { DataVizPalette, getColorFromToken, LineChart, type LineChartPoints } from '@fluentui/react-charts';
import type { ReachTimeline } from '../../../../api/contract/reach';
import { strings } from '../../strings';

/**
 * Cumulative seen and acknowledged since sending, drawn by Fluent UI's v9 chart package (it takes the Fluent theme
 * the tab runs in, Teams' light, dark or high contrast). Loaded on its own (React.lazy) by ReachChartPanel: d3 and
 * the chart code never weigh on the compose screen. Hidden counts ("fewer than 5") are left out of the lines.
 */
export default function ReachChart(props: { timeline: ReachTimeline; width?: number }) {
  const line = (legend: string, key: 'seen' | 'acknowledged', color: string): LineChartPoints => ({
    legend,
    color: getColorFromToken(color),
    data: props.timeline.points.filter((point) => point[key] !== null).map((point) => ({ x: new Date(point.at), y: point[key] as number })),
  });
  return (
    <LineChart
      data={{
        chartTitle: strings.reach.chart,
        lineChartData: [line(strings.reach.seen, 'seen', DataVizPalette.color1), line(strings.reach.acknowledged, 'acknowledged', DataVizPalette.color2)],
      }}
      height={240}
      width={props.width}
      xAxisTitle={strings.reach.chartTime}
      yAxisTitle={strings.reach.chartPeople}
    />
  );
}
