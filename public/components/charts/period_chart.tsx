import React, { type ReactNode } from 'react';
import {
  AreaSeries,
  Axis,
  BarSeries,
  Chart,
  LineSeries,
  Position,
  RectAnnotation,
  ScaleType,
  Settings,
  TextureShape,
  Tooltip,
  type BarStyleAccessor,
} from '@elastic/charts';
import { EuiText } from '@elastic/eui';
import { AnnotationMarkers } from '../annotations/markers_context';
import { formatPeriod, type PeriodKind } from '../format';
import { ChartDataTable } from './chart_data_table';
import { partialLastPeriod, partialPeriodNote, type PartialPeriod } from './partial_period';
import { useReportLastDay } from './report_window_context';
import { CHART_THEME_OVERRIDES, LINE_CHART_PADDINGS, useChartBaseTheme } from './chart_theme';

export interface PeriodPoint {
  /** The report's period key: `yyyy-mm-dd` for day/week/month, the hour of day for `hour`. */
  period: string | number;
  value: number | null;
}

export interface PeriodSeries {
  id: string;
  name: string;
  points: PeriodPoint[];
}

interface PeriodChartProps {
  period: PeriodKind;
  series: PeriodSeries[];
  kind: 'bar' | 'line' | 'area';
  /** Bars of several series stacked instead of side by side. */
  stacked?: boolean;
  yTitle: string;
  /** Formats y ticks, tooltips and the data table (units and decimals). */
  yFormat: (value: number) => string;
  /** Formats only the y axis labels when they need fewer decimals than the values (e.g. `20%`). */
  yTickFormat?: (value: number) => string;
  /** Fixes the y domain, e.g. 0..1 for ratios. */
  yDomain?: { min: number; max: number };
  ariaLabel: string;
  testSubj: string;
  height?: number;
  /** Extra chart specs, e.g. comment markers (line annotations) on the time axis. */
  children?: ReactNode;
}

const DAY_MS = 86_400_000;
const X_TITLES: Record<PeriodKind, string> = {
  day: 'Day (UTC)',
  week: 'Week starting Monday (UTC)',
  month: 'Month (UTC)',
  hour: 'Hour of day (UTC)',
};

/** Where a period sits on the x axis: epoch ms on time scales, the hour on the hour scale. */
export function periodX(period: string | number, kind: PeriodKind): number | string {
  if (kind === 'hour') return Number(period);
  if (kind === 'month') return String(period);
  return Date.parse(`${period}T00:00:00Z`);
}

/** The partial period's bars hatched and lighter, the others as the theme draws them. */
function partialBarStyle(partial: PartialPeriod, period: PeriodKind): BarStyleAccessor {
  const partialX = periodX(partial.key, period);
  return (datum) =>
    datum.x === partialX
      ? {
          rect: {
            opacity: 0.45,
            texture: { shape: TextureShape.Line, rotation: 45, spacing: 4, size: 8, opacity: 1 },
          },
        }
      : null;
}

/** Where the partial period spans on the x axis: from its start to the next period's start. */
function partialSpan(
  partial: PartialPeriod,
  period: PeriodKind,
): { x0: number | string; x1?: number } {
  if (period === 'month') return { x0: partial.key };
  const start = Date.parse(`${partial.key}T00:00:00Z`);
  return { x0: start, x1: start + partial.daysInPeriod * DAY_MS };
}

/** The partial period shaded on the chart, its note as the annotation's tooltip. */
function PartialPeriodShade({ partial, period }: { partial: PartialPeriod; period: PeriodKind }) {
  return (
    <RectAnnotation
      id="partialPeriod"
      dataValues={[
        { coordinates: partialSpan(partial, period), details: partialPeriodNote(partial, period) },
      ]}
      style={{ fill: '#98A2B3', opacity: 0.18, strokeWidth: 0 }}
    />
  );
}

/** The x axis of a period kind: scale, domain (NaN bounds leave the extremes to the data;
 * minInterval sets the bar width of a period) and tick labels. */
export function periodXAxis(period: PeriodKind) {
  const scaleType =
    period === 'month' ? ScaleType.Ordinal : period === 'hour' ? ScaleType.Linear : ScaleType.Time;
  const minInterval = period === 'week' ? 7 * DAY_MS : period === 'day' ? DAY_MS : 1;
  const domain =
    period === 'hour'
      ? { min: 0, max: 23, minInterval: 1 }
      : period === 'month'
        ? undefined
        : { min: NaN, max: NaN, minInterval };
  const format = (value: string | number) =>
    period === 'day' || period === 'week'
      ? formatPeriod(new Date(Number(value)).toISOString().slice(0, 10), period)
      : formatPeriod(value, period);
  return { scaleType, domain, format };
}

interface PeriodTableProps {
  caption: string;
  period: PeriodKind;
  series: PeriodSeries[];
  keys: string[];
  partial: PartialPeriod | null;
  yFormat: (value: number) => string;
  testSubj: string;
}

/** The chart's numbers for screen readers, the partial period labelled as such. */
function PeriodTable({
  caption,
  period,
  series,
  keys,
  partial,
  yFormat,
  testSubj,
}: PeriodTableProps) {
  const label = (key: string) =>
    key === partial?.key ? `${formatPeriod(key, period)} (partial)` : formatPeriod(key, period);
  return (
    <ChartDataTable
      caption={caption}
      rowHeader={X_TITLES[period]}
      columns={series.map((s) => ({ id: s.id, name: s.name }))}
      rows={keys.map((key) => ({
        key,
        label: label(key),
        values: Object.fromEntries(
          series.flatMap((s) => {
            const point = s.points.find((p) => String(p.period) === key);
            return point && point.value !== null ? [[s.id, yFormat(point.value)]] : [];
          }),
        ),
      }))}
      testSubj={testSubj}
    />
  );
}

/**
 * One or more series over report periods. Days and weeks use Elastic Charts' multi-layer time
 * axis; months an ordinal axis (they have no fixed width); hours of day a linear 0–23 axis.
 * The same numbers are in a screen-reader table (`<testSubj>-data`). When the panel's report ends
 * inside the last week or month, that period is shaded (its bars hatched) and a note says so.
 */
export function PeriodChart({
  period,
  series,
  kind,
  stacked = false,
  yTitle,
  yFormat,
  yTickFormat,
  yDomain,
  ariaLabel,
  testSubj,
  height = 280,
  children,
}: PeriodChartProps): JSX.Element {
  const baseTheme = useChartBaseTheme();
  const xAxis = periodXAxis(period);
  const SeriesComponent = kind === 'bar' ? BarSeries : kind === 'area' ? AreaSeries : LineSeries;
  const keys = [...new Set(series.flatMap((s) => s.points.map((p) => String(p.period))))];
  const partial = partialLastPeriod(keys, period, useReportLastDay());

  return (
    <div data-test-subj={testSubj}>
      <div style={{ height }}>
        <Chart>
          <Settings
            baseTheme={baseTheme}
            theme={
              kind === 'bar' ? CHART_THEME_OVERRIDES : [CHART_THEME_OVERRIDES, LINE_CHART_PADDINGS]
            }
            showLegend={series.length > 1}
            legendPosition={Position.Bottom}
            ariaLabel={ariaLabel}
            locale="en"
            {...(xAxis.domain ? { xDomain: xAxis.domain } : {})}
          />
          <Tooltip headerFormatter={({ value }) => xAxis.format(value as string | number)} />
          <Axis
            id="periodAxis"
            position={Position.Bottom}
            title={X_TITLES[period]}
            tickFormat={xAxis.format}
            gridLine={{ visible: false }}
            {...(period === 'hour' ? { ticks: 12 } : {})}
          />
          <Axis
            id="valueAxis"
            position={Position.Left}
            title={yTitle}
            tickFormat={yFormat}
            labelFormat={yTickFormat ?? yFormat}
            gridLine={{ visible: true }}
            ticks={6}
            {...(yDomain ? { domain: yDomain } : {})}
          />
          {series.map((s) => (
            <SeriesComponent
              key={s.id}
              id={s.id}
              name={s.name}
              data={s.points.map((p) => ({ x: periodX(p.period, period), y: p.value }))}
              xScaleType={xAxis.scaleType}
              yScaleType={ScaleType.Linear}
              xAccessor="x"
              yAccessors={['y']}
              timeZone="UTC"
              {...(stacked ? { stackAccessors: ['x'] } : {})}
              {...(kind === 'bar' && partial
                ? { styleAccessor: partialBarStyle(partial, period) }
                : {})}
            />
          ))}
          {partial ? <PartialPeriodShade partial={partial} period={period} /> : null}
          {/* Comments anchored to a day, when the panel has them: only time axes can place them. */}
          {period === 'day' || period === 'week' ? <AnnotationMarkers /> : null}
          {children}
        </Chart>
      </div>
      <PeriodTable
        caption={ariaLabel}
        period={period}
        series={series}
        keys={keys}
        partial={partial}
        yFormat={yFormat}
        testSubj={`${testSubj}-data`}
      />
      {partial ? (
        <EuiText size="xs" color="subdued" data-test-subj={`${testSubj}-partialNote`}>
          <p>{partialPeriodNote(partial, period)}</p>
        </EuiText>
      ) : null}
    </div>
  );
}
