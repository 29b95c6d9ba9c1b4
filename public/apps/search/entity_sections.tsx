import React from 'react';
import {
  EuiBasicTable,
  EuiCallOut,
  EuiDescriptionList,
  EuiFlexGrid,
  EuiFlexItem,
  EuiPanel,
  EuiStat,
  EuiTitle,
  type Criteria,
} from '@elastic/eui';
import type {
  EntityChart,
  EntityKpi,
  EntityOrder,
  EntityResponse,
  StageSection,
} from '../../../common/search';
import { PeriodChart } from '../../components/charts/period_chart';
import { formatAmount, formatDay, formatNumber, formatRatio } from '../../components/format';

function formatKpi(kpi: EntityKpi): string {
  if (kpi.value === null) return 'n/a';
  if (kpi.format === 'money') return formatAmount(kpi.value);
  if (kpi.format === 'date') return formatDay(new Date(kpi.value).toISOString().slice(0, 10));
  return formatNumber(kpi.value, kpi.format === 'number' ? 2 : 0);
}

export function EntityKpis({ kpis }: { kpis: EntityKpi[] }): JSX.Element {
  return (
    <EuiFlexGrid columns={4} gutterSize="m" responsive>
      {kpis.map((kpi) => (
        <EuiFlexItem key={kpi.id}>
          <EuiPanel color="subdued" paddingSize="m" data-test-subj={`entityKpi-${kpi.id}`}>
            <EuiStat title={formatKpi(kpi)} description={kpi.label} titleSize="m" reverse />
          </EuiPanel>
        </EuiFlexItem>
      ))}
    </EuiFlexGrid>
  );
}

const CHART_FORMATS: Record<EntityChart['format'], (value: number) => string> = {
  money: formatAmount,
  count: (v) => formatNumber(v),
  number: (v) => formatNumber(v, 2),
  ratio: (v) => formatRatio(v),
};

export function EntityChartPanel({ chart }: { chart: EntityChart }): JSX.Element {
  return (
    <EuiPanel hasBorder paddingSize="m" data-test-subj={`entityChart-${chart.id}`}>
      <EuiTitle size="xs">
        <h3>{chart.title}</h3>
      </EuiTitle>
      <PeriodChart
        period="day"
        kind={chart.format === 'ratio' ? 'line' : 'bar'}
        series={[{ id: chart.id, name: chart.title, points: chart.points }]}
        yTitle={chart.title}
        yFormat={CHART_FORMATS[chart.format]}
        {...(chart.format === 'ratio' ? { yDomain: { min: 0, max: 1 } } : {})}
        ariaLabel={chart.title}
        testSubj={`entityChart-${chart.id}-chart`}
        height={220}
      />
    </EuiPanel>
  );
}

/** A stage's output, or why it is missing and how to get it. */
export function StageCallout<T>({
  title,
  section,
  children,
}: {
  title: string;
  section: StageSection<T>;
  children: (data: T) => JSX.Element;
}): JSX.Element {
  if (!section.available) {
    return (
      <EuiCallOut title={`${title}: not available yet`} iconType="iInCircle" size="s">
        <p>{section.message}</p>
      </EuiCallOut>
    );
  }
  return (
    <EuiPanel hasBorder paddingSize="m">
      <EuiTitle size="xs">
        <h3>{title}</h3>
      </EuiTitle>
      {children(section.data)}
    </EuiPanel>
  );
}

export function ProfileList({ data }: { data: Record<string, unknown> }): JSX.Element {
  return (
    <EuiDescriptionList
      type="column"
      compressed
      listItems={Object.entries(data).map(([key, value]) => ({
        title: key.replace(/_/g, ' '),
        description:
          typeof value === 'number'
            ? formatNumber(value, Number.isInteger(value) ? 0 : 2)
            : value === null || value === undefined
              ? 'n/a'
              : String(value),
      }))}
    />
  );
}

export function OrderHistory({
  history,
  onPage,
}: {
  history: NonNullable<EntityResponse['history']>;
  onPage: (page: number) => void;
}): JSX.Element {
  return (
    <EuiBasicTable<EntityOrder>
      tableCaption="Order history, newest first"
      items={history.orders}
      rowHeader="session_start"
      columns={[
        {
          field: 'session_start',
          name: 'Started (UTC)',
          render: (v: string) => v.replace('T', ' ').slice(0, 16),
        },
        { field: 'payment_amount', name: 'Amount', render: (v: number) => formatAmount(v) },
        { field: 'discount_amount', name: 'Discount', render: (v: number) => formatAmount(v) },
        { field: 'promotion_id', name: 'Promotion', render: (v: string | null) => v ?? '—' },
        { field: 'dimension', name: 'Dimension', render: (v: string | null) => v ?? '—' },
        { field: 'basket_size', name: 'Basket lines', render: (v: number | null) => v ?? '—' },
      ]}
      pagination={{
        pageIndex: history.page,
        pageSize: history.size,
        totalItemCount: Math.min(history.total, 500 * history.size),
        showPerPageOptions: false,
      }}
      onChange={({ page }: Criteria<EntityOrder>) => page && onPage(page.index)}
      data-test-subj="entityHistory"
    />
  );
}
