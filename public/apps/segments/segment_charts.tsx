import React from 'react';
import {
  Axis,
  BarSeries,
  BubbleSeries,
  Chart,
  Partition,
  PartitionLayout,
  Position,
  ScaleType,
  Settings,
} from '@elastic/charts';
import type {
  HistogramRow,
  RfmMetric,
  ScatterRow,
  SegmentSizeRow,
  WeeklySegmentRow,
} from '../../../common/reports/segments';
import type { SegmentScheme } from '../../../common/segments';
import { ChartDataTable } from '../../components/charts/chart_data_table';
import { CHART_THEME_OVERRIDES, useChartBaseTheme } from '../../components/charts/chart_theme';
import { formatNumber } from '../../components/format';
import {
  METRIC_LABELS,
  SCATTER_PAIRS,
  formatMetric,
  histogramBars,
  scatterPoints,
  type ScatterPairId,
} from './segment_view';

const percent = (share: number) => `${formatNumber(share * 100, 1)}%`;

/** `segments/sizes`: each segment's share of customers as the area of its rectangle. */
export function SegmentTreemap({
  rows,
  scheme,
  colors,
}: {
  rows: SegmentSizeRow[];
  scheme: SegmentScheme;
  colors: Map<string, string>;
}): JSX.Element {
  const baseTheme = useChartBaseTheme();
  const mine = rows.filter((row) => row.scheme === scheme);
  const shown = mine.filter((row) => row.customers > 0);
  return (
    <div data-test-subj="segmentsTreemap">
      <div style={{ height: 340 }}>
        <Chart>
          <Settings
            baseTheme={baseTheme}
            theme={CHART_THEME_OVERRIDES}
            ariaLabel="Customers per segment"
            locale="en"
          />
          <Partition
            id="segments"
            data={shown}
            layout={PartitionLayout.treemap}
            valueAccessor={(row: SegmentSizeRow) => row.customers}
            valueFormatter={(value: number) => formatNumber(value)}
            layers={[
              {
                groupByRollup: (row: SegmentSizeRow) => row.segment,
                nodeLabel: (segment) => String(segment),
                shape: { fillColor: (segment) => colors.get(String(segment)) ?? '#999' },
              },
            ]}
          />
        </Chart>
      </div>
      <ChartDataTable
        caption="Customers per segment"
        rowHeader="Segment"
        columns={[
          { id: 'customers', name: 'Customers' },
          { id: 'share', name: '% of customers' },
        ]}
        rows={mine.map((row) => ({
          key: row.segment,
          label: row.segment,
          values: { customers: formatNumber(row.customers), share: percent(row.share) },
        }))}
        testSubj="segmentsTreemap-data"
      />
    </div>
  );
}

/** `segments/histogram`: customers per value bin, stacked by the k-means cluster's rank. */
export function ClusterHistogram({
  rows,
  metric,
  palette,
}: {
  rows: HistogramRow[];
  metric: RfmMetric;
  palette: readonly string[];
}): JSX.Element {
  const baseTheme = useChartBaseTheme();
  const bars = histogramBars(rows, metric);
  const labels = new Map(bars.map((bar) => [bar.key, bar.label]));
  const { title, unit } = METRIC_LABELS[metric];
  return (
    <div data-test-subj={`segmentsHistogram-${metric}`} style={{ height: 260 }}>
      <Chart>
        <Settings
          baseTheme={baseTheme}
          theme={CHART_THEME_OVERRIDES}
          showLegend
          ariaLabel={`${title} histogram by cluster rank`}
          locale="en"
        />
        <Axis
          id="bins"
          position={Position.Bottom}
          title={`${title} (${unit})`}
          tickFormat={(key: string) => labels.get(key) ?? key}
          style={{ tickLabel: { rotation: -60 } }}
        />
        <Axis id="customers" position={Position.Left} title="Customers" ticks={5} />
        <BarSeries
          id={`histogram-${metric}`}
          data={bars}
          xScaleType={ScaleType.Ordinal}
          yScaleType={ScaleType.Linear}
          xAccessor="key"
          yAccessors={['customers']}
          splitSeriesAccessors={['rank']}
          stackAccessors={['key']}
          color={(series) =>
            palette[Number(String(series.splitAccessors.get('rank')).slice(5)) - 1]!
          }
        />
      </Chart>
    </div>
  );
}

/** `segments/scatter`: the seeded sample's customers on one pair of metrics, by segment. */
export function SegmentScatter({
  rows,
  pairId,
  scheme,
  colors,
}: {
  rows: ScatterRow[];
  pairId: ScatterPairId;
  scheme: SegmentScheme;
  colors: Map<string, string>;
}): JSX.Element {
  const baseTheme = useChartBaseTheme();
  const pair = SCATTER_PAIRS.find((p) => p.id === pairId)!;
  const points = scatterPoints(rows, pair, scheme);
  return (
    <div
      data-test-subj={`segmentsScatter-${pairId}`}
      data-points={points.length}
      style={{ height: 360 }}
    >
      <Chart>
        <Settings
          baseTheme={baseTheme}
          theme={{ ...CHART_THEME_OVERRIDES, markSizeRatio: 4 }}
          showLegend
          ariaLabel={`${pair.x} against ${pair.y}, coloured by segment`}
          locale="en"
        />
        <Axis
          id="x"
          position={Position.Bottom}
          title={`${METRIC_LABELS[pair.x].title} (${METRIC_LABELS[pair.x].unit})`}
          tickFormat={(v: number) => formatMetric(pair.x, v)}
        />
        <Axis
          id="y"
          position={Position.Left}
          title={`${METRIC_LABELS[pair.y].title} (${METRIC_LABELS[pair.y].unit})`}
          tickFormat={(v: number) => formatMetric(pair.y, v)}
        />
        <BubbleSeries
          id={`scatter-${pairId}`}
          data={points}
          xScaleType={ScaleType.Linear}
          yScaleType={ScaleType.Linear}
          xAccessor="x"
          yAccessors={['y']}
          splitSeriesAccessors={['segment']}
          color={(series) => colors.get(String(series.splitAccessors.get('segment'))) ?? '#999'}
        />
      </Chart>
    </div>
  );
}

/** `segments/weekly`: each week-end's segment shares, stacked to 100 %. */
export function WeeklySegments({
  rows,
  scheme,
  colors,
}: {
  rows: WeeklySegmentRow[];
  scheme: SegmentScheme;
  colors: Map<string, string>;
}): JSX.Element {
  const baseTheme = useChartBaseTheme();
  const mine = rows.filter((row) => row.scheme === scheme);
  return (
    <div data-test-subj="segmentsWeekly" style={{ height: 320 }}>
      <Chart>
        <Settings
          baseTheme={baseTheme}
          theme={CHART_THEME_OVERRIDES}
          showLegend
          ariaLabel="Segment shares at the end of each of the last 12 weeks"
          locale="en"
        />
        <Axis id="week" position={Position.Bottom} title="Week (segments as of its end)" />
        <Axis
          id="share"
          position={Position.Left}
          title="% of customers"
          tickFormat={(v: number) => percent(v)}
          ticks={5}
        />
        <BarSeries
          id="weekly"
          data={mine}
          xScaleType={ScaleType.Ordinal}
          yScaleType={ScaleType.Linear}
          xAccessor="period"
          yAccessors={['share']}
          splitSeriesAccessors={['segment']}
          stackAccessors={['period']}
          color={(series) => colors.get(String(series.splitAccessors.get('segment'))) ?? '#999'}
        />
      </Chart>
    </div>
  );
}
