import React from 'react';
import type { PeriodCountRow } from '../../../common/reports/stats';
import { PeriodChart } from '../../components/charts/period_chart';
import { formatNumber } from '../../components/format';

/**
 * Orders per UTC day as bars; days are `yyyy-mm-dd` strings in the report. Comment markers come
 * with PeriodChart (every day/week chart renders `<AnnotationMarkers />`).
 */
export function DailyOrdersChart({ rows }: { rows: PeriodCountRow[] }): JSX.Element {
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
    />
  );
}
