import React from 'react';
import { EuiFlexGroup, EuiFlexItem } from '@elastic/eui';
import type { FunnelHourRow, FunnelRow } from '../../../common/reports/funnel';
import type { ReportResponse } from '../../../common/routes';
import {
  funnelSeries,
  funnelStepLabel,
  funnelSteps,
  funnelTotals,
} from '../../components/charts/funnel_view';
import { PeriodChart } from '../../components/charts/period_chart';
import { RankedBarChart } from '../../components/charts/ranked_bar_chart';
import { formatNumber, formatRatio, type PeriodKind } from '../../components/format';

/**
 * A funnel report: its steps summed over the range (with each step's share of the first) next to
 * every step over time. Hourly reports hold means per day, so their totals are per-day means.
 */
export function FunnelPanelBody({
  report,
  period,
  unit,
  testSubj,
}: {
  report: ReportResponse<FunnelRow | FunnelHourRow>;
  period: PeriodKind;
  /** What is counted: "Sessions" or "Customers". */
  unit: string;
  testSubj: string;
}): JSX.Element {
  const steps = funnelSteps(report.params, report.data);
  const hourly = period === 'hour';
  const decimals = hourly ? 2 : 0;
  const totals = funnelTotals(report.data, steps);
  return (
    <EuiFlexGroup gutterSize="l" wrap responsive>
      <EuiFlexItem grow={2} style={{ minWidth: 320 }}>
        <RankedBarChart
          items={totals.map((total) => ({
            key: total.step,
            label: `${funnelStepLabel(total.step)} (${formatRatio(total.shareOfFirst)})`,
            value: total.total,
          }))}
          categoryTitle="Step"
          valueTitle={hourly ? `${unit} per day (mean)` : `${unit}, whole range`}
          valueFormat={(value) => formatNumber(value, decimals)}
          ariaLabel={`${unit} funnel totals`}
          testSubj={`${testSubj}-totals`}
        />
      </EuiFlexItem>
      <EuiFlexItem grow={3} style={{ minWidth: 420 }}>
        <PeriodChart
          period={period}
          kind={hourly ? 'bar' : 'line'}
          series={funnelSeries(report.data, steps)}
          yTitle={hourly ? `${unit} per hour (mean)` : unit}
          yFormat={(value) => formatNumber(value, decimals)}
          ariaLabel={`${unit} funnel over time`}
          testSubj={`${testSubj}-series`}
          height={300}
        />
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}
