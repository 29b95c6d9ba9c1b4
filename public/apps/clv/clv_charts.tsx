import React from 'react';
import {
  Axis,
  BarSeries,
  Chart,
  LineSeries,
  Position,
  ScaleType,
  Settings,
  Tooltip,
  type PartialTheme,
} from '@elastic/charts';
import { useEuiTheme } from '@elastic/eui';
import type { ClvMethod, ClvPAliveRow, ClvSegmentRow } from '../../../common/reports/clv';
import { AnnotationMarkers } from '../../components/annotations/markers_context';
import { ChartDataTable } from '../../components/charts/chart_data_table';
import {
  CHART_THEME_OVERRIDES,
  LINE_CHART_PADDINGS,
  useChartBaseTheme,
} from '../../components/charts/chart_theme';
import { RankedBarChart } from '../../components/charts/ranked_bar_chart';
import { formatAmount, formatDay, formatNumber, formatRatio } from '../../components/format';
import { pAliveBars, type DailyLine } from './clv_view';

/** One colour per method on every chart (EUI's colour-blind palette, strong hues). */
export const METHOD_COLORS: Record<ClvMethod, string> = {
  sequence: '#61A2FF',
  bg_nbd_gamma_gamma: '#EE72A6',
  naive: '#EAAE01',
};
/** Refreshes newest first: strong hues, then their tints for the oldest shown. */
const FORECAST_COLORS = ['#16C5C0', '#61A2FF', '#EE72A6', '#F6726A', '#EAAE01', '#BFDBFF'];
const DAY_MS = 86_400_000;
/** Method and refresh names are long: a wider side legend, two lines each, not an ellipsis. */
const TWO_LINE_LEGEND: PartialTheme = {
  legend: { verticalWidth: 240, labelOptions: { maxLines: 2 } },
};

const dayLabel = (x: number | string) => formatDay(new Date(Number(x)).toISOString().slice(0, 10));

/**
 * Daily revenue lines on a UTC day axis: actual in the page's text colour (readable in light and
 * dark mode), the emphasised line thicker, the naive baseline dashed. The same numbers are in a
 * screen-reader table (`<testSubj>-data`, one row per day, one column per line).
 */
export function DailyRevenueChart({
  lines,
  ariaLabel,
  testSubj,
}: {
  lines: DailyLine[];
  ariaLabel: string;
  testSubj: string;
}): JSX.Element {
  const baseTheme = useChartBaseTheme();
  const { euiTheme } = useEuiTheme();
  let forecastIndex = 0;
  const colorOf = (line: DailyLine): string => {
    if (line.role === 'actual') return euiTheme.colors.textParagraph;
    if (line.role === 'forecast') return FORECAST_COLORS[forecastIndex++ % FORECAST_COLORS.length]!;
    return METHOD_COLORS[line.role];
  };
  const dates = [...new Set(lines.flatMap((line) => line.points.map((p) => p.date)))].sort();
  return (
    <div data-test-subj={testSubj}>
      <div style={{ height: 320 }}>
        <Chart>
          <Settings
            baseTheme={baseTheme}
            theme={[TWO_LINE_LEGEND, CHART_THEME_OVERRIDES, LINE_CHART_PADDINGS]}
            showLegend
            legendPosition={Position.Right}
            ariaLabel={ariaLabel}
            locale="en"
            xDomain={{ min: NaN, max: NaN, minInterval: DAY_MS }}
          />
          <Tooltip headerFormatter={({ value }) => dayLabel(value as number)} />
          <Axis
            id="day"
            position={Position.Bottom}
            title="Day (UTC)"
            tickFormat={dayLabel}
            gridLine={{ visible: false }}
          />
          <Axis
            id="revenue"
            position={Position.Left}
            title="Revenue per day"
            tickFormat={formatAmount}
            labelFormat={(v: number) => formatNumber(v)}
            gridLine={{ visible: true }}
            ticks={6}
          />
          {lines.map((line) => (
            <LineSeries
              key={line.id}
              id={line.id}
              name={line.name}
              color={colorOf(line)}
              data={line.points.map((p) => ({ x: Date.parse(`${p.date}T00:00:00Z`), y: p.value }))}
              xScaleType={ScaleType.Time}
              yScaleType={ScaleType.Linear}
              xAccessor="x"
              yAccessors={['y']}
              timeZone="UTC"
              lineSeriesStyle={{
                line: {
                  strokeWidth: line.emphasised ? 3 : line.role === 'actual' ? 1.5 : 1.25,
                  opacity: line.emphasised || line.role === 'actual' ? 1 : 0.85,
                  ...(line.role === 'naive' ? { dash: [5, 4] } : {}),
                },
                point: { visible: 'never' },
              }}
            />
          ))}
          <AnnotationMarkers />
        </Chart>
      </div>
      <ChartDataTable
        caption={ariaLabel}
        rowHeader="Day (UTC)"
        columns={lines.map((line) => ({ id: line.id, name: line.name }))}
        rows={dates.map((date) => ({
          key: date,
          label: formatDay(date),
          values: Object.fromEntries(
            lines.flatMap((line) => {
              const point = line.points.find((p) => p.date === date);
              return point ? [[line.id, formatAmount(point.value)]] : [];
            }),
          ),
        }))}
        testSubj={`${testSubj}-data`}
      />
    </div>
  );
}

/**
 * `clv/segments`: each segment's predicted revenue for the next 6 months beside what the same
 * customers spent in the last 6, highest prediction on top; the data table adds the share.
 */
export function SegmentRevenueChart({ rows }: { rows: ClvSegmentRow[] }): JSX.Element {
  const baseTheme = useChartBaseTheme();
  const labels = new Map(
    rows.map((row) => [row.segment, `${row.segment} (${formatRatio(row.share)})`]),
  );
  const bars = rows.flatMap((row) => [
    { segment: row.segment, period: 'Next 6 months (predicted)', revenue: row.predicted_revenue },
    { segment: row.segment, period: 'Last 6 months (actual)', revenue: row.current_revenue },
  ]);
  return (
    <div data-test-subj="clvSegments">
      <div style={{ height: rows.length * 44 + 90 }}>
        <Chart>
          <Settings
            baseTheme={baseTheme}
            theme={CHART_THEME_OVERRIDES}
            rotation={90}
            showLegend
            legendPosition={Position.Bottom}
            ariaLabel="Predicted revenue by segment"
            locale="en"
          />
          <Axis
            id="segment"
            position={Position.Left}
            title="Segment (share of predicted revenue)"
            tickFormat={(segment: string) => labels.get(segment) ?? segment}
            gridLine={{ visible: false }}
          />
          <Axis
            id="revenue"
            position={Position.Bottom}
            title="Revenue over 6 months"
            tickFormat={formatAmount}
            labelFormat={(v: number) => formatNumber(v)}
            gridLine={{ visible: true }}
            ticks={6}
          />
          <BarSeries
            id="segments"
            data={bars}
            xScaleType={ScaleType.Ordinal}
            yScaleType={ScaleType.Linear}
            xAccessor="segment"
            yAccessors={['revenue']}
            splitSeriesAccessors={['period']}
            color={(series) =>
              String(series.splitAccessors.get('period')).startsWith('Next') ? '#16C5C0' : '#98A2B3'
            }
          />
        </Chart>
      </div>
      <ChartDataTable
        caption="Predicted revenue by segment"
        rowHeader="Segment"
        columns={[
          { id: 'predicted', name: 'Predicted revenue, next 6 months' },
          { id: 'share', name: 'Share of predicted revenue' },
          { id: 'expected_orders', name: 'Expected orders' },
          { id: 'current', name: 'Revenue, last 6 months' },
          { id: 'customers', name: 'Customers' },
        ]}
        rows={rows.map((row) => ({
          key: row.segment,
          label: row.segment,
          values: {
            predicted: formatAmount(row.predicted_revenue),
            share: formatRatio(row.share),
            expected_orders: formatNumber(row.expected_orders, 1),
            current: formatAmount(row.current_revenue),
            customers: formatNumber(row.customers),
          },
        }))}
        testSubj="clvSegments-data"
      />
    </div>
  );
}

/** `clv/p_alive`: customers per P(alive) bin of width 0.05. */
export function PAliveHistogram({ rows }: { rows: ClvPAliveRow[] }): JSX.Element {
  return (
    <RankedBarChart
      items={pAliveBars(rows)}
      orientation="vertical"
      labelRotation={-60}
      categoryTitle="P(alive): probability the customer still buys"
      valueTitle="Customers"
      valueFormat={(v) => formatNumber(v)}
      ariaLabel="Customers per P(alive) bin"
      testSubj="clvPAlive"
    />
  );
}
