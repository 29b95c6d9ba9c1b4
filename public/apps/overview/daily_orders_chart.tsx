import React from 'react';
import {
  Axis,
  BarSeries,
  Chart,
  DARK_THEME,
  LIGHT_THEME,
  Position,
  ScaleType,
  Settings,
} from '@elastic/charts';
import { useEuiTheme } from '@elastic/eui';
import type { PeriodCountRow } from '../../../common/reports/stats';
import { formatDay, formatNumber } from '../../components/format';

/** Orders per UTC day as bars; days are `yyyy-mm-dd` strings in the report. */
export function DailyOrdersChart({ rows }: { rows: PeriodCountRow[] }): JSX.Element {
  const { colorMode } = useEuiTheme();
  const data = rows.map((row) => ({
    day: Date.parse(`${row.period}T00:00:00Z`),
    orders: row.orders,
  }));
  return (
    <div style={{ height: 320 }} data-test-subj="dailyOrdersChart">
      <Chart>
        <Settings
          baseTheme={colorMode === 'DARK' ? DARK_THEME : LIGHT_THEME}
          showLegend={false}
          ariaLabel="Daily orders"
          locale="en"
        />
        <Axis
          id="dayAxis"
          position={Position.Bottom}
          title="Day (UTC)"
          tickFormat={(value: number) => formatDay(value)}
          gridLine={{ visible: false }}
        />
        <Axis
          id="ordersAxis"
          position={Position.Left}
          title="Orders"
          tickFormat={(value: number) => formatNumber(value)}
          gridLine={{ visible: true }}
        />
        <BarSeries
          id="orders"
          name="Orders"
          data={data}
          xScaleType={ScaleType.Time}
          yScaleType={ScaleType.Linear}
          xAccessor="day"
          yAccessors={['orders']}
          timeZone="UTC"
        />
      </Chart>
    </div>
  );
}
