import React from 'react';
import { EuiInMemoryTable, type EuiBasicTableColumn } from '@elastic/eui';
import type { PromotionKpiRow } from '../../../common/reports/promotions';
import { formatAmount, formatNumber } from '../../components/format';

interface PromotionTableRow extends PromotionKpiRow {
  /** Revenue / orders: what an order with this promotion is worth. */
  revenue_per_order: number | null;
}

const numberColumn = (
  field: keyof PromotionTableRow,
  name: string,
  format: (value: number) => string,
  description: string,
): EuiBasicTableColumn<PromotionTableRow> => ({
  field,
  name,
  description,
  dataType: 'number',
  align: 'right',
  sortable: true,
  render: (value: number | null) => (value === null ? 'n/a' : format(value)),
});

const COLUMNS: Array<EuiBasicTableColumn<PromotionTableRow>> = [
  { field: 'promotion', name: 'Promotion', sortable: true, truncateText: false },
  numberColumn('orders', 'Orders', (v) => formatNumber(v), 'Orders that used the promotion'),
  numberColumn('customers', 'Customers', (v) => formatNumber(v), 'Distinct customers who used it'),
  numberColumn('revenue', 'Revenue', formatAmount, 'Sum of payment amounts of its orders'),
  numberColumn('discount', 'Discount', formatAmount, 'Sum of discounts given on its orders'),
  numberColumn('revenue_per_order', 'Revenue per order', formatAmount, 'Revenue / orders'),
];

/** `promotions/kpis` as a sortable table, most orders first. */
export function PromotionKpiTable({ rows }: { rows: PromotionKpiRow[] }): JSX.Element {
  const items: PromotionTableRow[] = rows.map((row) => ({
    ...row,
    revenue_per_order: row.orders === 0 ? null : row.revenue / row.orders,
  }));
  return (
    <EuiInMemoryTable
      tableCaption="Results per promotion"
      items={items}
      itemId="promotion"
      columns={COLUMNS}
      sorting={{ sort: { field: 'orders', direction: 'desc' } }}
      rowProps={(item: PromotionTableRow) => ({
        'data-test-subj': `promotionRow-${item.promotion}`,
      })}
      cellProps={(_item: PromotionTableRow, column: EuiBasicTableColumn<PromotionTableRow>) =>
        'field' in column ? { 'data-test-subj': `promotionCell-${String(column.field)}` } : {}
      }
      data-test-subj="promotionKpiTable"
    />
  );
}
