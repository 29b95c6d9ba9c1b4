import React, { useEffect, useState } from 'react';
import {
  EuiBasicTable,
  EuiCallOut,
  EuiFlexGroup,
  EuiFlexItem,
  EuiHealth,
  EuiSelect,
  EuiSpacer,
  EuiText,
  type CriteriaWithPagination,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import type { QualityRow } from '../../../common/reports/segments';
import {
  SEGMENT_CUSTOMERS_PAGE_SIZES,
  type SegmentCustomer,
  type SegmentCustomersResponse,
} from '../../../common/segment_customers';
import {
  NEWCOMER_WINDOW_DAYS,
  RF_GRID,
  SEGMENT_RULES,
  describeRule,
  segmentsOf,
  type SegmentScheme,
} from '../../../common/segments';
import { formatAmount, formatNumber } from '../../components/format';
import { describeHttpError } from '../../services/api';
import { useServices } from '../../services/context';

const index = (value: number | null, decimals: number) =>
  value === null ? 'n/a' : formatNumber(value, decimals);

/** `segments/quality`: per clustering, silhouette (sample), Davies–Bouldin, Calinski–Harabasz. */
export function QualityTable({ rows }: { rows: QualityRow[] }): JSX.Element {
  const columns: Array<EuiBasicTableColumn<QualityRow>> = [
    {
      name: 'Clustering',
      render: (row: QualityRow) =>
        row.clustering === 'joint'
          ? `joint, ${row.fit === 'all' ? 'refitted on all' : 'sample'}${row.chosen ? ' ✓' : ''}`
          : row.clustering,
    },
    { field: 'k', name: 'k' },
    { field: 'customers', name: 'Customers', render: (v: number) => formatNumber(v) },
    { field: 'silhouette', name: 'Silhouette ↑', render: (v: number | null) => index(v, 3) },
    {
      field: 'davies_bouldin',
      name: 'Davies–Bouldin ↓',
      render: (v: number | null) => index(v, 3),
    },
    {
      field: 'calinski_harabasz',
      name: 'Calinski–Harabasz ↑',
      render: (v: number | null) => index(v, 0),
    },
  ];
  return (
    <EuiBasicTable
      items={rows}
      columns={columns}
      tableCaption="Cluster quality"
      data-test-subj="segmentsQualityTable"
    />
  );
}

interface RuleItem {
  segment: string;
  rule: string;
}

/** The rule table from common/segments.ts, first match wins, and the quintile R×F map. */
export function RuleTables({ colors }: { colors: Map<string, string> }): JSX.Element {
  const rules: RuleItem[] = [
    {
      segment: 'Newcomers',
      rule: `one order, within the last ${NEWCOMER_WINDOW_DAYS} days (older: Lost)`,
    },
    ...SEGMENT_RULES.map((rule) => ({ segment: rule.segment, rule: describeRule(rule) })),
  ];
  return (
    <EuiFlexGroup gutterSize="l" wrap>
      <EuiFlexItem>
        <EuiBasicTable
          items={rules}
          tableCaption="k-means scheme: ranks 1–5, 5 best; the first rule that holds"
          columns={[
            {
              field: 'segment',
              name: 'Segment',
              render: (s: string) => <EuiHealth color={colors.get(s)}>{s}</EuiHealth>,
            },
            { field: 'rule', name: 'Rule (first match)' },
          ]}
          data-test-subj="segmentsRuleTable"
        />
      </EuiFlexItem>
      <EuiFlexItem>
        <EuiText size="xs">
          <table
            data-test-subj="segmentsRfGrid"
            style={{ borderCollapse: 'separate', borderSpacing: '14px 8px' }}
          >
            <caption>Quintile scheme: R (rows) × F (columns), 5 best</caption>
            <thead>
              <tr>
                <th>R \ F</th>
                {[1, 2, 3, 4, 5].map((f) => (
                  <th key={f}>{f}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[5, 4, 3, 2, 1].map((r) => (
                <tr key={r}>
                  <th>{r}</th>
                  {RF_GRID[r - 1]!.map((segment, f) => (
                    <td key={f}>{segment}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </EuiText>
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}

type CustomersState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; page: SegmentCustomersResponse };

/** The top customers (by total spend) of a chosen segment, from `customers`, paged. */
export function TopCustomers({
  dimension,
  scheme,
}: {
  dimension: string;
  scheme: SegmentScheme;
}): JSX.Element {
  const { api } = useServices();
  const segments = segmentsOf(scheme);
  const [segment, setSegment] = useState<string>(segments[0]!);
  const [page, setPage] = useState(0);
  const [size, setSize] = useState<number>(SEGMENT_CUSTOMERS_PAGE_SIZES[0]);
  const [state, setState] = useState<CustomersState>({ status: 'loading' });
  const chosen = segments.includes(segment) ? segment : segments[0]!;

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    api
      .getSegmentCustomers({ dimension, scheme, segment: chosen, page, size }, controller.signal)
      .then((result) => setState({ status: 'ready', page: result }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ status: 'error', message: describeHttpError(error).message });
        }
      });
    return () => controller.abort();
  }, [api, dimension, scheme, chosen, page, size]);

  const columns: Array<EuiBasicTableColumn<SegmentCustomer>> = [
    { field: 'client', name: 'Client' },
    { field: 'order_count', name: 'Orders', render: (v: number) => formatNumber(v) },
    { field: 'total_spend', name: 'Total spend', render: (v: number) => formatAmount(v) },
    { field: 'recency_days', name: 'Recency (days)', render: (v: number) => formatNumber(v, 1) },
    {
      field: 'frequency_days',
      name: 'Frequency (days)',
      render: (v: number | null) => (v === null ? '—' : formatNumber(v, 1)),
    },
    { field: 'monetary', name: 'Mean order', render: (v: number) => formatAmount(v) },
    {
      name: 'Ranks r/f/m',
      render: (c: SegmentCustomer) => `${c.r_rank}/${c.f_rank ?? '—'}/${c.m_rank}`,
    },
    { field: 'last_order', name: 'Last order', render: (v: string) => v.slice(0, 10) },
  ];
  return (
    <div data-test-subj="segmentsTopCustomers">
      <EuiSelect
        compressed
        prepend="Segment"
        options={segments.map((s) => ({ value: s, text: s }))}
        value={chosen}
        onChange={(event) => {
          setSegment(event.target.value);
          setPage(0);
        }}
        data-test-subj="segmentsTopCustomersSegment"
        aria-label="Segment whose customers to list"
      />
      <EuiSpacer size="s" />
      {state.status === 'error' ? (
        <EuiCallOut title="Could not load the customers" color="danger" iconType="error">
          <p>{state.message}</p>
        </EuiCallOut>
      ) : (
        <EuiBasicTable
          items={state.status === 'ready' ? state.page.customers : []}
          columns={columns}
          loading={state.status === 'loading'}
          noItemsMessage={state.status === 'loading' ? 'Loading…' : 'No customers in this segment'}
          tableCaption={`Top customers of ${chosen} by total spend`}
          pagination={{
            pageIndex: page,
            pageSize: size,
            totalItemCount: state.status === 'ready' ? Math.min(state.page.total, 10_000) : 0,
            pageSizeOptions: [...SEGMENT_CUSTOMERS_PAGE_SIZES],
          }}
          onChange={({ page: next }: CriteriaWithPagination<SegmentCustomer>) => {
            if (!next) return;
            setPage(next.size === size ? next.index : 0);
            setSize(next.size);
          }}
          data-test-subj="segmentsTopCustomersTable"
        />
      )}
    </div>
  );
}
