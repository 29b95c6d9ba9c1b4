import React from 'react';
import { RectAnnotation, type LineAnnotationDatum } from '@elastic/charts';
import { useEuiTheme } from '@elastic/eui';
import type { PeriodCountRow } from '../../../common/reports/stats';
import { PeriodChart } from '../../components/charts/period_chart';
import { formatDay, formatNumber } from '../../components/format';
import { AnomalyMarkers } from '../anomalies/anomaly_markers';

const DAY_MS = 86_400_000;

/**
 * Orders per UTC day as bars; days are `yyyy-mm-dd` strings in the report. Comment markers come
 * with PeriodChart (every day/week chart renders `<AnnotationMarkers />`); anomaly markers (from
 * `anomalies/list`) are drawn here, and a focused day (a link from the anomalies table) is shaded.
 */
export function DailyOrdersChart({
  rows,
  anomalies = [],
  focusDay = null,
}: {
  rows: PeriodCountRow[];
  anomalies?: readonly LineAnnotationDatum<number>[];
  focusDay?: string | null;
}): JSX.Element {
  return (
    <PeriodChart
      period="day"
      kind="bar"
      series={[
        {
          id: 'orders',
          name: 'Orders',
          points: rows.map((r) => ({ period: r.period, value: r.orders })),
        },
      ]}
      yTitle="Orders"
      yFormat={(value) => formatNumber(value)}
      ariaLabel="Daily orders"
      testSubj="dailyOrdersChart"
      height={300}
    >
      {focusDay ? <FocusedDay day={focusDay} /> : null}
      <AnomalyMarkers markers={anomalies} />
    </PeriodChart>
  );
}

function FocusedDay({ day }: { day: string }): JSX.Element {
  const { euiTheme } = useEuiTheme();
  const start = Date.parse(`${day}T00:00:00Z`);
  return (
    <RectAnnotation
      id="focusedDay"
      dataValues={[{ coordinates: { x0: start, x1: start + DAY_MS }, details: formatDay(day) }]}
      style={{ fill: euiTheme.colors.primary, opacity: 0.15, strokeWidth: 0 }}
    />
  );
}
