import React from 'react';
import {
  EuiBadge,
  EuiBasicTable,
  EuiCallOut,
  EuiFlexGrid,
  EuiFlexItem,
  EuiInMemoryTable,
  EuiPanel,
  EuiSpacer,
  EuiStat,
  EuiText,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import {
  CLV_METHOD_LABELS,
  type ClvBacktestRow,
  type ClvSummaryRow,
  type ClvTopCustomerRow,
} from '../../../common/reports/clv';
import {
  formatAmount,
  formatDay,
  formatNumber,
  formatRatio,
  formatSigned,
} from '../../components/format';
import { backtestFailures, backtestVerdict, modelDetails, orderedBacktest } from './clv_view';

function Headline({
  testSubj,
  value,
  label,
  note,
}: {
  testSubj: string;
  value: string;
  label: string;
  note: string;
}): JSX.Element {
  return (
    <EuiFlexItem>
      <EuiPanel color="subdued" paddingSize="m">
        <EuiStat
          title={<span data-test-subj={testSubj}>{value}</span>}
          description={label}
          titleSize="m"
          reverse
        >
          <EuiText size="xs" color="subdued">
            {note}
          </EuiText>
        </EuiStat>
      </EuiPanel>
    </EuiFlexItem>
  );
}

/** `clv/summary`: the forward prediction's revenue, where it comes from, and which model made it. */
export function SummaryHeadline({ row }: { row: ClvSummaryRow }): JSX.Element {
  const months = Math.round(row.horizon_days / 30.4);
  return (
    <>
      <EuiFlexGrid columns={4} gutterSize="m" responsive>
        <Headline
          testSubj="clvSummary-predicted"
          value={formatAmount(row.predicted_revenue)}
          label={`Predicted revenue, next ${months} months`}
          note={`${formatNumber(row.horizon_days)} days from ${formatDay(row.made_on)}`}
        />
        <Headline
          testSubj="clvSummary-known"
          value={formatAmount(row.known_customers_revenue)}
          label="From known customers"
          note={`${formatNumber(row.customers)} customers${row.mean_p_alive === null ? '' : `, mean P(alive) ${formatRatio(row.mean_p_alive)}`}`}
        />
        <Headline
          testSubj="clvSummary-newcomers"
          value={formatAmount(row.newcomers_revenue)}
          label="From newcomers"
          note="daily new buyers × mean first-order amount"
        />
        <Headline
          testSubj="clvSummary-orders"
          value={formatNumber(row.expected_orders)}
          label="Expected orders"
          note="known customers, over the horizon"
        />
      </EuiFlexGrid>
      <EuiSpacer size="s" />
      <EuiText size="s" data-test-subj="clvSummary-model">
        <p>
          Made on <strong>{formatDay(row.made_on)}</strong> by{' '}
          <strong>{CLV_METHOD_LABELS[row.method]}</strong>, the method that won the backtest.
        </p>
      </EuiText>
    </>
  );
}

type BacktestField = Exclude<keyof ClvBacktestRow, 'customers'>;

const BACKTEST_COLUMNS: Array<{
  field: BacktestField;
  name: string;
  format: (row: ClvBacktestRow) => string;
}> = [
  { field: 'method', name: 'Method', format: (row) => CLV_METHOD_LABELS[row.method] },
  {
    field: 'customer_mae',
    name: 'Per-customer MAE',
    format: (row) => formatAmount(row.customer_mae),
  },
  {
    field: 'customer_bias',
    name: 'Per-customer bias',
    format: (row) => formatSigned(row.customer_bias, 2),
  },
  {
    field: 'daily_total_mae',
    name: 'Daily-total MAE',
    format: (row) => formatAmount(row.daily_total_mae),
  },
  {
    field: 'mae_ratio',
    name: 'MAE ratio vs naive ↓',
    format: (row) => formatNumber(row.mae_ratio, 2),
  },
  { field: 'chosen', name: 'Chosen', format: (row) => (row.chosen ? 'chosen' : '') },
];

/** The cell text of each backtest column, as the table shows it (the e2e compares the two). */
export function backtestCells(row: ClvBacktestRow): Record<BacktestField, string> {
  return Object.fromEntries(BACKTEST_COLUMNS.map((c) => [c.field, c.format(row)])) as Record<
    BacktestField,
    string
  >;
}

/** `clv/backtest`: the verdict, then each method's errors on the 6 months after the cutoff. */
export function BacktestTable({
  rows,
  params,
}: {
  rows: ClvBacktestRow[];
  params: Record<string, unknown> | undefined;
}): JSX.Element {
  const verdict = backtestVerdict(rows, params);
  const details = modelDetails(params);
  const failures = backtestFailures(params);
  const columns: Array<EuiBasicTableColumn<ClvBacktestRow>> = BACKTEST_COLUMNS.map((column) => ({
    field: column.field,
    name: column.name,
    render: (_: unknown, row: ClvBacktestRow) =>
      column.field === 'chosen' ? (
        row.chosen ? (
          <EuiBadge color="success">chosen</EuiBadge>
        ) : (
          ''
        )
      ) : column.field === 'method' && row.chosen ? (
        <strong>{column.format(row)}</strong>
      ) : (
        column.format(row)
      ),
  }));
  return (
    <>
      {verdict ? (
        <EuiCallOut
          title={verdict}
          color={rows.find((row) => row.chosen)?.method === 'naive' ? 'warning' : 'success'}
          iconType="check"
          size="s"
          data-test-subj="clvVerdict"
        />
      ) : null}
      {failures.map((failure) => (
        <EuiText size="s" color="warning" key={failure.method} data-test-subj="clvBacktestFailure">
          <p>
            {failure.method} could not be scored: {failure.reason}
          </p>
        </EuiText>
      ))}
      <EuiSpacer size="s" />
      <EuiBasicTable
        items={orderedBacktest(rows)}
        columns={columns}
        tableCaption="Backtest: each method's errors over the 6 months after the cutoff"
        rowProps={(row: ClvBacktestRow) => ({ 'data-method': row.method })}
        cellProps={(_row: ClvBacktestRow, column) => ({
          'data-column': 'field' in column ? String(column.field) : '',
        })}
        data-test-subj="clvBacktestTable"
      />
      <EuiText size="xs" color="subdued">
        <p>
          Errors in revenue per customer known at the cutoff (bias: predicted − actual, mean);
          daily-total MAE includes newcomers. A ratio under 1 beats repeating each customer&apos;s
          previous 6 months.
        </p>
      </EuiText>
      {details.length > 0 ? (
        <EuiText size="xs" color="subdued" data-test-subj="clvModelDetails">
          <p>{details.join(' · ')}</p>
        </EuiText>
      ) : null}
    </>
  );
}

/** `clv/top_customers`: the 100 highest predicted values, 10 per page. */
export function TopCustomersTable({ rows }: { rows: ClvTopCustomerRow[] }): JSX.Element {
  const columns: Array<EuiBasicTableColumn<ClvTopCustomerRow>> = [
    { field: 'client', name: 'Customer' },
    {
      field: 'predicted_value',
      name: 'Predicted value, 6 months',
      render: (v: number) => formatAmount(v),
      sortable: true,
    },
    {
      field: 'expected_orders',
      name: 'Expected orders',
      render: (v: number) => formatNumber(v, 1),
    },
    { field: 'p_alive', name: 'P(alive)', render: (v: number | null) => formatRatio(v) },
    { field: 'segment', name: 'Segment', render: (v: string | null) => v ?? '—' },
    { field: 'orders', name: 'Orders so far', render: (v: number) => formatNumber(v) },
    { field: 'total_spend', name: 'Spend so far', render: (v: number) => formatAmount(v) },
  ];
  return (
    <EuiInMemoryTable
      items={rows}
      columns={columns}
      tableCaption="Top customers by predicted value"
      pagination={{ initialPageSize: 10, pageSizeOptions: [10, 25, 100] }}
      rowProps={(row: ClvTopCustomerRow) => ({ 'data-client': row.client })}
      data-test-subj="clvTopCustomersTable"
    />
  );
}
