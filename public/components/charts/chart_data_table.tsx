import React from 'react';
import { EuiScreenReaderOnly } from '@elastic/eui';

export interface ChartTableColumn {
  id: string;
  name: string;
}

export interface ChartTableRow {
  /** Stable key of the row (e.g. the period `2025-01-06` or a product name). */
  key: string;
  label: string;
  /** Formatted value per column id; missing means no value. */
  values: Record<string, string>;
}

/**
 * The data behind a chart as a table for screen readers (a canvas says nothing to them). Rows and
 * cells carry their keys (`data-key`, `data-column`) so tests can read what the chart was given.
 */
export function ChartDataTable({
  caption,
  rowHeader,
  columns,
  rows,
  testSubj,
}: {
  caption: string;
  rowHeader: string;
  columns: ChartTableColumn[];
  rows: ChartTableRow[];
  testSubj: string;
}): JSX.Element {
  return (
    // The wrapper takes the visually-hidden styles: a <table> ignores height and overflow.
    <EuiScreenReaderOnly>
      <div>
        <table data-test-subj={testSubj}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeader}</th>
              {columns.map((column) => (
                <th key={column.id} scope="col">
                  {column.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-key={row.key}>
                <th scope="row">{row.label}</th>
                {columns.map((column) => (
                  <td key={column.id} data-column={column.id}>
                    {row.values[column.id] ?? '–'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </EuiScreenReaderOnly>
  );
}
