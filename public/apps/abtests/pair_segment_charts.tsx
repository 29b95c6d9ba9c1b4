import React from 'react';
import {
  Axis,
  BarSeries,
  Chart,
  Heatmap,
  Position,
  ScaleType,
  Settings,
  Tooltip,
} from '@elastic/charts';
import { useEuiPaletteCool } from '@elastic/eui';
import type { AbMetric, PromotionPairRow, SegmentChangeRow } from '../../../common/reports/abtests';
import { ChartDataTable } from '../../components/charts/chart_data_table';
import { CHART_THEME_OVERRIDES, useChartBaseTheme } from '../../components/charts/chart_theme';
import { formatNumber, formatSigned } from '../../components/format';
import { METRIC_TITLES, describeOutcome, pairCells, segmentChangeBars } from './abtest_view';
import { BaseSettings, ChartFrame, footer } from './chart_parts';

/** Promotion pairs: mean amount after first use, column − row, significant cells starred. */
export function PairHeatmap({ rows }: { rows: PromotionPairRow[] }) {
  const baseTheme = useChartBaseTheme();
  const palette = useEuiPaletteCool(5);
  const cells = pairCells(rows);
  // The heat map formats a cell from its value alone: differences are distinct floats, so the
  // value finds its cell's label (with the ★ of a significant pair).
  const labels = new Map(cells.map((c) => [c.value, c.label]));
  const values = cells.map((c) => Math.abs(c.value ?? 0));
  const max = Math.max(1, ...values);
  // Open-ended outer bands: no band edge equals a cell's value, so the legend never picks up a
  // cell's label (★) through the value formatter.
  const edges = [-Infinity, -max / 2, -max / 6, max / 6, max / 2, Infinity];
  const bands = edges.slice(0, -1).map((start, i) => ({
    start,
    end: edges[i + 1]!,
    color: ['#bd271e', '#f1a093', palette[0]!, '#9ad6c4', '#209280'][i]!,
  }));
  const promotions = new Set(rows.flatMap((r) => [r.promotion_a, r.promotion_b]));
  return (
    <div data-test-subj="abtestsPairs">
      <div style={{ height: 90 + promotions.size * 34 }}>
        <Chart>
          <Settings
            baseTheme={baseTheme}
            theme={[
              CHART_THEME_OVERRIDES,
              { heatmap: { cell: { label: { visible: true, minFontSize: 8, maxFontSize: 12 } } } },
            ]}
            showLegend
            legendPosition={Position.Right}
            ariaLabel="Difference in mean amount after first use between promotions"
            locale="en"
          />
          <Tooltip
            footer={footer(
              (d: (typeof cells)[number]) => `${d.b} − ${d.a}: ${describeOutcome(d.row)}`,
            )}
          />
          <Heatmap
            id="pairs"
            name="Difference (column − row)"
            colorScale={{ type: 'bands', bands }}
            data={cells}
            xAccessor="b"
            yAccessor="a"
            valueAccessor="value"
            valueFormatter={(v) => labels.get(Number(v)) ?? formatSigned(Number(v), 1)}
            xScale={{ type: ScaleType.Ordinal }}
            xAxisTitle="Promotion (column)"
            yAxisTitle="Promotion (row)"
            xAxisLabelName="Column"
            yAxisLabelName="Row"
            xAxisLabelFormatter={String}
            yAxisLabelFormatter={String}
          />
        </Chart>
      </div>
      <ChartDataTable
        caption="Promotion pairs"
        rowHeader="Pair"
        columns={[{ id: 'result', name: 'Column − row' }]}
        rows={cells.map((c) => ({
          key: `${c.a}|${c.b}`,
          label: `${c.b} − ${c.a}`,
          values: { result: `${c.label} · ${describeOutcome(c.row)}` },
        }))}
        testSubj="abtestsPairs-data"
      />
    </div>
  );
}

/** Segment change: uplift % of the current period over the four before, per segment and period. */
export function SegmentChange({ rows, metric }: { rows: SegmentChangeRow[]; metric: AbMetric }) {
  const bars = segmentChangeBars(rows, metric);
  return (
    <div data-test-subj={`abtestsSegmentChange-${metric}`}>
      <ChartFrame testSubj={`abtestsSegmentChangeChart-${metric}`} height={280}>
        <BaseSettings
          ariaLabel={`${METRIC_TITLES[metric]}: current period against the four before, per segment`}
        />
        <Tooltip
          footer={footer(
            (d: (typeof bars)[number]) => `${d.segment} (${d.period}): ${describeOutcome(d.row)}`,
          )}
        />
        <Axis id="segment" position={Position.Bottom} style={{ tickLabel: { rotation: -30 } }} />
        <Axis
          id="uplift"
          position={Position.Left}
          title="Change % vs mean of 4 periods before"
          tickFormat={(v: number) => `${formatSigned(v, 0)}%`}
        />
        <BarSeries
          id={`segment-change-${metric}`}
          data={bars}
          xScaleType={ScaleType.Ordinal}
          yScaleType={ScaleType.Linear}
          xAccessor="segment"
          yAccessors={['uplift']}
          splitSeriesAccessors={['period']}
        />
      </ChartFrame>
      <ChartDataTable
        caption={`${METRIC_TITLES[metric]}: segment change`}
        rowHeader="Segment · period"
        columns={[{ id: 'result', name: 'Result' }]}
        rows={rows
          .filter((r) => r.metric === metric)
          .map((r) => ({
            key: `${r.segment}|${r.period}`,
            label: `${r.segment} · ${r.period}${bars.find((b) => b.row === r)?.significant ? ' ★' : ''}`,
            values: { result: `${describeOutcome(r)} · excluded ${formatNumber(r.excluded)}` },
          }))}
        testSubj={`abtestsSegmentChange-${metric}-data`}
      />
    </div>
  );
}
