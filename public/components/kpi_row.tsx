import React from 'react';
import { EuiFlexGrid, EuiFlexItem, EuiPanel, EuiStat, EuiText } from '@elastic/eui';
import { KPI_METRICS, type KpiRow as KpiRowData } from '../../common/reports/kpis';
import { KPI_DEFINITIONS, formatNumber, formatPercentChange, formatSigned } from './format';

/** One stat per KPI: the whole-range total, and the last 7 days against the 7 before. */
export function KpiRow({ rows }: { rows: KpiRowData[] }): JSX.Element {
  const ordered = KPI_METRICS.map((metric) => rows.find((row) => row.metric === metric)).filter(
    (row): row is KpiRowData => row !== undefined,
  );
  return (
    <EuiFlexGrid columns={4} gutterSize="m" responsive>
      {ordered.map((row) => (
        <EuiFlexItem key={row.metric}>
          <KpiStat row={row} />
        </EuiFlexItem>
      ))}
    </EuiFlexGrid>
  );
}

function KpiStat({ row }: { row: KpiRowData }): JSX.Element {
  const definition = KPI_DEFINITIONS[row.metric];
  const color = row.change > 0 ? 'success' : row.change < 0 ? 'danger' : 'subdued';
  return (
    <EuiPanel color="subdued" paddingSize="m" data-test-subj={`kpi-${row.metric}`}>
      <EuiStat
        title={
          <span data-test-subj={`kpi-${row.metric}-total`}>
            {formatNumber(row.total, definition.decimals)}
          </span>
        }
        description={definition.label}
        titleSize="m"
        reverse
      >
        <EuiText size="xs" color="subdued">
          {definition.unit}, whole period
        </EuiText>
      </EuiStat>
      <EuiText size="s">
        <p>
          Last 7 days:{' '}
          <strong data-test-subj={`kpi-${row.metric}-last7`}>
            {formatNumber(row.last7, definition.decimals)}
          </strong>{' '}
          <EuiText
            size="s"
            color={color}
            component="span"
            data-test-subj={`kpi-${row.metric}-change`}
          >
            {formatSigned(row.change, definition.decimals)} ({formatPercentChange(row.change_pct)})
          </EuiText>
        </p>
      </EuiText>
      <EuiText size="xs" color="subdued">
        vs {formatNumber(row.previous7, definition.decimals)} in the 7 days before
      </EuiText>
    </EuiPanel>
  );
}
