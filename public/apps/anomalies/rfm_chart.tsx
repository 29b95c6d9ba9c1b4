import React, { memo } from 'react';
import {
  Axis,
  BarSeries,
  Chart,
  Position,
  ScaleType,
  Settings,
  Tooltip,
  type PointerValue,
} from '@elastic/charts';
import { EuiText, useEuiTheme } from '@elastic/eui';
import type { AnomalyRfmRow } from '../../../common/reports/anomalies';
import { ChartDataTable } from '../../components/charts/chart_data_table';
import { CHART_THEME_OVERRIDES, useChartBaseTheme } from '../../components/charts/chart_theme';
import { formatAmount, formatNumber, formatPercentChange } from '../../components/format';
import { formatScore } from './anomaly_view';

const METRIC_TEXT: Record<
  AnomalyRfmRow['metric'],
  { title: string; format: (v: number) => string }
> = {
  orders: { title: 'Orders per customer', format: (v) => formatNumber(v, 2) },
  revenue: { title: 'Revenue per customer', format: formatAmount },
};

const CURRENT = 'Current (last 6 months)';
const PREDICTED = 'Predicted (next 6 months)';

/** `change_pct` is in percent, as the KPIs' is (the orders' `pct_change` is a fraction). */
const changeText = (row: AnomalyRfmRow) => formatPercentChange(row.change_pct);

/**
 * `anomalies/rfm` for one metric: each segment's current value beside the CLV prediction. An
 * anomalous segment's axis label carries a warning sign and its score; hovering shows the change
 * and the score. Memoised like AnomalyTimeChart (see there why a re-render with the same bars
 * must not happen).
 */
export const RfmChart = memo(function RfmChart({
  rows,
  metric,
}: {
  rows: AnomalyRfmRow[];
  metric: AnomalyRfmRow['metric'];
}): JSX.Element {
  const baseTheme = useChartBaseTheme();
  const { euiTheme } = useEuiTheme();
  const mine = rows.filter((row) => row.metric === metric);
  const bySegment = new Map(mine.map((row) => [row.segment, row]));
  const { title, format } = METRIC_TEXT[metric];
  const bars = mine.flatMap((row) => [
    { segment: row.segment, kind: CURRENT, value: row.current },
    { segment: row.segment, kind: PREDICTED, value: row.predicted },
  ]);
  const Footer = ({ header }: { header: PointerValue | null }) => {
    const row = header ? bySegment.get(String(header.value)) : undefined;
    if (!row) return null;
    return (
      <EuiText size="xs" style={{ padding: '4px 8px' }}>
        <div style={{ color: row.anomalous ? euiTheme.colors.danger : undefined, fontWeight: 600 }}>
          {row.anomalous ? 'Anomalous' : 'Within the usual range'} · score {formatScore(row.score)}
        </div>
        <div>
          Change {changeText(row)} · {formatNumber(row.customers)} customers
        </div>
      </EuiText>
    );
  };
  const label = (segment: string) => {
    const row = bySegment.get(segment);
    return row?.anomalous ? `⚠ ${segment} (${formatScore(row.score)})` : segment;
  };
  return (
    <div
      data-test-subj={`anomaliesRfm-${metric}`}
      data-anomalous-segments={mine
        .filter((row) => row.anomalous)
        .map((row) => row.segment)
        .join('|')}
    >
      <div style={{ height: 300 }}>
        <Chart>
          <Settings
            baseTheme={baseTheme}
            theme={CHART_THEME_OVERRIDES}
            showLegend
            legendPosition={Position.Bottom}
            ariaLabel={`${title}: current against predicted, by segment`}
            locale="en"
          />
          <Tooltip footer={Footer} />
          <Axis
            id="segment"
            position={Position.Bottom}
            tickFormat={label}
            style={{ tickLabel: { rotation: -30 } }}
          />
          <Axis id="value" position={Position.Left} title={title} tickFormat={format} ticks={5} />
          <BarSeries
            id={`rfm-${metric}`}
            data={bars}
            xScaleType={ScaleType.Ordinal}
            yScaleType={ScaleType.Linear}
            xAccessor="segment"
            yAccessors={['value']}
            splitSeriesAccessors={['kind']}
          />
        </Chart>
      </div>
      <ChartDataTable
        caption={`${title}: current against predicted, by segment`}
        rowHeader="Segment"
        columns={[
          { id: 'customers', name: 'Customers' },
          { id: 'current', name: CURRENT },
          { id: 'predicted', name: PREDICTED },
          { id: 'change', name: 'Change' },
          { id: 'score', name: 'Score' },
          { id: 'anomalous', name: 'Anomalous' },
        ]}
        rows={mine.map((row) => ({
          key: row.segment,
          label: row.segment,
          values: {
            customers: formatNumber(row.customers),
            current: format(row.current),
            predicted: format(row.predicted),
            change: changeText(row),
            score: formatScore(row.score),
            anomalous: row.anomalous ? 'yes' : 'no',
          },
        }))}
        testSubj={`anomaliesRfm-${metric}-data`}
      />
    </div>
  );
});
