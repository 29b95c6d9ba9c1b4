import React, { memo, useCallback, useMemo } from 'react';
import {
  Axis,
  BarSeries,
  BubbleSeries,
  Chart,
  LineSeries,
  Position,
  ScaleType,
  Settings,
  Tooltip,
  type PointerValue,
} from '@elastic/charts';
import { EuiText, useEuiTheme } from '@elastic/eui';
import { AnnotationMarkers } from '../../components/annotations/markers_context';
import { ChartDataTable } from '../../components/charts/chart_data_table';
import {
  CHART_THEME_OVERRIDES,
  LINE_CHART_PADDINGS,
  useChartBaseTheme,
} from '../../components/charts/chart_theme';
import { periodXAxis } from '../../components/charts/period_chart';
import { formatDay } from '../../components/format';
import { formatScore, type AnomalyPoint } from './anomaly_view';

interface AnomalyTimeChartProps {
  points: AnomalyPoint[];
  kind: 'bar' | 'line';
  valueName: string;
  yTitle: string;
  yFormat: (value: number) => string;
  ariaLabel: string;
  testSubj: string;
  height?: number;
}

const dayX = (day: string) => Date.parse(`${day}T00:00:00Z`);
const xAxis = periodXAxis('day');

/**
 * A daily series with its anomalous days as danger-coloured dots. Hovering any day
 * shows its score, the influencer and what the error is about, so a point's severity and cause
 * read without the table. The numbers are in a screen-reader table (`<testSubj>-data`), and the
 * anomalous days' dates are on the chart element (`data-anomalous-days`).
 *
 * Memoised, and callers pass memoised points and module-level formatters: Elastic Charts 73 never
 * marks a chart complete again when it re-renders with the same drawing (elastic/elastic-charts
 * #2713). Each re-render registers the specs anew, which clears `data-ech-render-complete`, and
 * the canvas only sets it when what it draws changed; so a panel re-rendered because another
 * report arrived stayed "drawing" forever. The chart now re-renders only when its inputs change.
 */
export const AnomalyTimeChart = memo(function AnomalyTimeChart({
  points,
  kind,
  valueName,
  yTitle,
  yFormat,
  ariaLabel,
  testSubj,
  height = 260,
}: AnomalyTimeChartProps): JSX.Element {
  const baseTheme = useChartBaseTheme();
  const { euiTheme } = useEuiTheme();
  const byX = useMemo(() => new Map(points.map((p) => [dayX(p.date), p])), [points]);
  const anomalous = points.filter((p) => p.anomalous && p.value !== null);
  const hasTypical = points.some((p) => p.typical !== null);
  const ValueSeries = kind === 'bar' ? BarSeries : LineSeries;
  const Footer = useCallback(
    ({ header }: { header: PointerValue | null }) => (
      <PointFooter point={header ? byX.get(Number(header.value)) : undefined} />
    ),
    [byX],
  );
  return (
    <div data-test-subj={testSubj} data-anomalous-days={anomalous.map((p) => p.date).join(' ')}>
      <div style={{ height }}>
        <Chart>
          <Settings
            baseTheme={baseTheme}
            theme={
              kind === 'bar' ? CHART_THEME_OVERRIDES : [CHART_THEME_OVERRIDES, LINE_CHART_PADDINGS]
            }
            showLegend={hasTypical}
            legendPosition={Position.Bottom}
            ariaLabel={ariaLabel}
            locale="en"
            xDomain={xAxis.domain}
          />
          <Tooltip headerFormatter={({ value }) => formatDay(Number(value))} footer={Footer} />
          <Axis
            id="dayAxis"
            position={Position.Bottom}
            title="Day (UTC)"
            tickFormat={xAxis.format}
            gridLine={{ visible: false }}
          />
          <Axis
            id="valueAxis"
            position={Position.Left}
            title={yTitle}
            tickFormat={yFormat}
            gridLine={{ visible: true }}
            ticks={5}
          />
          <ValueSeries
            id="value"
            name={valueName}
            data={points.map((p) => ({ x: dayX(p.date), y: p.value }))}
            xScaleType={ScaleType.Time}
            yScaleType={ScaleType.Linear}
            xAccessor="x"
            yAccessors={['y']}
            timeZone="UTC"
          />
          {hasTypical ? (
            <LineSeries
              id="typical"
              name="Typical (same weekday, previous 4 weeks)"
              data={points.map((p) => ({ x: dayX(p.date), y: p.typical }))}
              xScaleType={ScaleType.Time}
              yScaleType={ScaleType.Linear}
              xAccessor="x"
              yAccessors={['y']}
              timeZone="UTC"
              color={euiTheme.colors.textSubdued}
            />
          ) : null}
          <BubbleSeries
            id="anomalous"
            name="Anomalous"
            data={anomalous.map((p) => ({ x: dayX(p.date), y: p.value, score: p.score }))}
            xScaleType={ScaleType.Time}
            yScaleType={ScaleType.Linear}
            xAccessor="x"
            yAccessors={['y']}
            bubbleSeriesStyle={{
              point: {
                radius: 5,
                strokeWidth: 2,
                fill: euiTheme.colors.danger,
                stroke: euiTheme.colors.backgroundBasePlain,
                opacity: 1,
              },
            }}
            timeZone="UTC"
            color={euiTheme.colors.danger}
            hideInLegend
          />
          <AnnotationMarkers />
        </Chart>
      </div>
      <ChartDataTable
        caption={ariaLabel}
        rowHeader="Day (UTC)"
        columns={[
          { id: 'value', name: valueName },
          ...(hasTypical ? [{ id: 'typical', name: 'Typical' }] : []),
          { id: 'score', name: 'Score' },
          { id: 'anomalous', name: 'Anomalous' },
          { id: 'influencer', name: 'Influencer' },
          { id: 'detail', name: 'Detail' },
        ]}
        rows={points.map((p) => ({
          key: p.date,
          label: formatDay(p.date),
          values: {
            ...(p.value === null ? {} : { value: yFormat(p.value) }),
            ...(p.typical === null ? {} : { typical: yFormat(p.typical) }),
            score: formatScore(p.score),
            anomalous: p.anomalous ? 'yes' : 'no',
            influencer: p.influencer,
            detail: p.detail,
          },
        }))}
        testSubj={`${testSubj}-data`}
      />
    </div>
  );
});

function PointFooter({ point }: { point: AnomalyPoint | undefined }): JSX.Element | null {
  const { euiTheme } = useEuiTheme();
  if (!point) return null;
  return (
    <EuiText size="xs" style={{ padding: '4px 8px', maxWidth: 320 }}>
      <div style={{ color: point.anomalous ? euiTheme.colors.danger : undefined, fontWeight: 600 }}>
        {point.anomalous ? 'Anomalous' : 'Within the usual range'} · score{' '}
        {formatScore(point.score)}
      </div>
      <div>Influencer: {point.influencer}</div>
      <div>{point.detail}</div>
    </EuiText>
  );
}
