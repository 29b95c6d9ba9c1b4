import React from 'react';
import type { TopTermRow } from '../../../common/reports/products';
import { formatNumber } from '../format';
import { RankedBarChart } from './ranked_bar_chart';

/** A top-N report (products or categories) as ranked horizontal bars of orders. */
export function TopTermsChart({
  rows,
  categoryTitle,
  testSubj,
}: {
  rows: TopTermRow[];
  categoryTitle: string;
  testSubj: string;
}): JSX.Element {
  const sorted = [...rows].sort((a, b) => a.rank - b.rank);
  return (
    <RankedBarChart
      items={sorted.map((row) => ({ key: row.name, label: row.name, value: row.orders }))}
      categoryTitle={categoryTitle}
      valueTitle="Orders"
      valueFormat={(value) => formatNumber(value)}
      ariaLabel={`${categoryTitle} by orders`}
      testSubj={testSubj}
    />
  );
}
