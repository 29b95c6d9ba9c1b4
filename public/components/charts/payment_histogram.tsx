import React from 'react';
import type { PaymentBinRow } from '../../../common/reports/stats';
import { formatAmount, formatNumber } from '../format';
import { RankedBarChart } from './ranked_bar_chart';

/** `stats/payment_distribution`: orders per amount bin, each bar labelled with its edges. */
export function PaymentHistogram({
  rows,
  testSubj,
}: {
  rows: PaymentBinRow[];
  testSubj: string;
}): JSX.Element {
  const bins = [...rows].sort((a, b) => a.bin - b.bin);
  return (
    <RankedBarChart
      items={bins.map((row) => ({
        key: String(row.bin),
        label: `${formatAmount(row.lower)}–${formatAmount(row.upper)}`,
        value: row.orders,
      }))}
      orientation="vertical"
      labelRotation={-90}
      categoryTitle="Order amount"
      valueTitle="Orders"
      valueFormat={(value) => formatNumber(value)}
      ariaLabel="Orders per payment amount bin"
      testSubj={testSubj}
    />
  );
}
