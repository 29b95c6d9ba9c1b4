import React from 'react';
import { useHistory } from 'react-router-dom';
import { EuiHealth, EuiInMemoryTable, EuiLink, type EuiBasicTableColumn } from '@elastic/eui';
import type { AnomalyListRow } from '../../../common/reports/anomalies';
import { formatDay } from '../../components/format';
import {
  SERIES_LABELS,
  dayLocation,
  formatInfluencer,
  formatScore,
  formatValue,
} from './anomaly_view';

const PAGE_SIZE = 25;

/** Kibana's anomaly severity bands, so scores read the way they do in its ML app. */
function scoreColor(score: number): string {
  if (score >= 75) return 'danger';
  if (score >= 50) return 'warning';
  return 'subdued';
}

/**
 * `anomalies/list`: every anomaly of the period, highest score first as stored. A date opens the
 * Overview focused on that day (same dimension); RFM anomalies have no day.
 */
export function AnomalyTable({
  rows,
  dimension,
}: {
  rows: AnomalyListRow[];
  dimension: string;
}): JSX.Element {
  const history = useHistory();
  const columns: Array<EuiBasicTableColumn<AnomalyListRow>> = [
    {
      field: 'date',
      name: 'Date',
      render: (date: string | null) => {
        if (date === null) return '–';
        const location = dayLocation(date, dimension);
        return (
          <EuiLink
            href={history.createHref(location)}
            onClick={(event: React.MouseEvent) => {
              event.preventDefault();
              history.push(location);
            }}
            data-test-subj="anomalyDayLink"
          >
            {formatDay(date)}
          </EuiLink>
        );
      },
    },
    { field: 'series', name: 'Series', render: (s: AnomalyListRow['series']) => SERIES_LABELS[s] },
    { field: 'subject', name: 'Subject' },
    {
      field: 'score',
      name: 'Score',
      align: 'right',
      render: (score: number) => (
        <EuiHealth color={scoreColor(score)}>{formatScore(score)}</EuiHealth>
      ),
    },
    { field: 'actual', name: 'Actual', align: 'right', render: formatValue },
    { field: 'typical', name: 'Typical', align: 'right', render: formatValue },
    {
      name: 'Influencer',
      render: (row: AnomalyListRow) => formatInfluencer(row.influencer_kind, row.influencer),
    },
  ];
  return (
    <EuiInMemoryTable
      tableCaption="Anomalies of the period, highest score first"
      items={rows}
      columns={columns}
      pagination={
        rows.length > PAGE_SIZE
          ? { initialPageSize: PAGE_SIZE, pageSizeOptions: [PAGE_SIZE, 100] }
          : false
      }
      rowProps={(row: AnomalyListRow) => ({
        'data-test-subj': 'anomalyRow',
        'data-series': row.series,
        'data-subject': row.subject,
      })}
      cellProps={(_row: AnomalyListRow, column: EuiBasicTableColumn<AnomalyListRow>) => ({
        'data-column': String(column.name),
      })}
      data-test-subj="anomaliesTable"
    />
  );
}
