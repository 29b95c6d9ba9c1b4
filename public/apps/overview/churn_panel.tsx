import React from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiStat, EuiText } from '@elastic/eui';
import type { ChurnRow } from '../../../common/reports/churn';
import { PeriodChart } from '../../components/charts/period_chart';
import { formatHours, formatNumber, formatRatio } from '../../components/format';

/** Churn now (one row) and at the end of every week, as % of customers with ≥1 order. */
export function ChurnPanel({
  overall,
  weekly,
  factor,
}: {
  overall: ChurnRow | undefined;
  weekly: ChurnRow[];
  /** The run's churn factor (`params.factor`): churned after factor × the usual gap. */
  factor: number;
}): JSX.Element {
  return (
    <EuiFlexGroup gutterSize="l" wrap responsive>
      <EuiFlexItem grow={1} style={{ minWidth: 220 }}>
        {overall ? (
          <>
            <EuiStat
              title={<span data-test-subj="churn-rate">{formatRatio(overall.churn_rate)}</span>}
              description="Churn rate now"
              titleSize="m"
              reverse
            />
            <EuiText size="s">
              <p>
                <strong data-test-subj="churn-churned">{formatNumber(overall.churned)}</strong> of{' '}
                <strong data-test-subj="churn-customers">{formatNumber(overall.customers)}</strong>{' '}
                customers with an order have been silent for more than {formatNumber(factor, 1)}×
                their usual gap.
              </p>
            </EuiText>
            <EuiText size="xs" color="subdued">
              <p>
                Usual gap of one-order customers (median of the others):{' '}
                {formatHours(overall.median_gap_hours)}
              </p>
            </EuiText>
          </>
        ) : (
          <EuiText size="s" color="subdued">
            <p>No overall churn row in this report.</p>
          </EuiText>
        )}
      </EuiFlexItem>
      <EuiFlexItem grow={2} style={{ minWidth: 320 }}>
        <PeriodChart
          period="week"
          kind="line"
          series={[
            {
              id: 'churn_rate',
              name: 'Churn rate',
              points: weekly.flatMap((row) =>
                row.period === null ? [] : [{ period: row.period, value: row.churn_rate }],
              ),
            },
          ]}
          yTitle="Churned customers"
          yFormat={(value) => formatRatio(value)}
          yTickFormat={(value) => formatRatio(value, 0)}
          yDomain={{ min: 0, max: 1 }}
          ariaLabel="Churn rate at the end of each week"
          testSubj="weeklyChurnChart"
          height={240}
        />
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}
