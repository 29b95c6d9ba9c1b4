import React from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiStat } from '@elastic/eui';
import type { JourneyRow } from '../../../common/reports/journey';
import { RankedBarChart } from '../../components/charts/ranked_bar_chart';
import { formatAmount, formatHours, formatNumber, formatOrdinal } from '../../components/format';

function JourneyStat({
  row,
  label,
  testSubj,
}: {
  row: JourneyRow | undefined;
  label: string;
  testSubj: string;
}): JSX.Element {
  return (
    <EuiStat
      title={<span data-test-subj={testSubj}>{formatHours(row?.value ?? null)}</span>}
      description={label}
      titleSize="s"
      reverse
    >
      <span style={{ fontSize: 12 }}>mean over {formatNumber(row?.customers ?? 0)} customers</span>
    </EuiStat>
  );
}

/**
 * The average customer's path: time to the first order, the gap between orders, the time since
 * the last one, and what the 1st, 2nd, … order is worth on average.
 */
export function JourneyPanel({ rows }: { rows: JourneyRow[] }): JSX.Element {
  const single = (metric: JourneyRow['metric']) =>
    rows.find((row) => row.metric === metric && row.order_number === null);
  const amounts = rows
    .filter(
      (row) => row.metric === 'order_amount' && row.order_number !== null && row.value !== null,
    )
    .sort((a, b) => (a.order_number ?? 0) - (b.order_number ?? 0));
  return (
    <EuiFlexGroup gutterSize="l" wrap responsive>
      <EuiFlexItem grow={1} style={{ minWidth: 220 }}>
        <EuiFlexGroup direction="column" gutterSize="m">
          <JourneyStat
            row={single('hours_download_to_first_order')}
            label="Download → 1st order"
            testSubj="journey-download-first"
          />
          <JourneyStat
            row={single('hours_between_orders')}
            label="Between consecutive orders"
            testSubj="journey-between-orders"
          />
          <JourneyStat
            row={single('hours_since_last_order')}
            label="Since the last order"
            testSubj="journey-since-last"
          />
        </EuiFlexGroup>
      </EuiFlexItem>
      <EuiFlexItem grow={2} style={{ minWidth: 320 }}>
        <RankedBarChart
          items={amounts.map((row) => ({
            key: String(row.order_number),
            label: `${formatOrdinal(row.order_number ?? 0)} order`,
            value: row.value ?? 0,
          }))}
          orientation="vertical"
          showValues
          categoryTitle="Order number"
          valueTitle="Mean amount"
          valueFormat={formatAmount}
          ariaLabel="Mean amount of the 1st, 2nd, … order"
          testSubj="journeyAmounts"
        />
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}
