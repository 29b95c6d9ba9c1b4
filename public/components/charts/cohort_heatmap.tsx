import React from 'react';
import { Chart, Heatmap, Position, ScaleType, Settings, Tooltip } from '@elastic/charts';
import { useEuiPaletteCool } from '@elastic/eui';
import { COHORT_COLUMNS, type CohortRow } from '../../../common/reports/cohort';
import { formatNumber, formatPeriod } from '../format';
import { ChartDataTable } from './chart_data_table';
import { CHART_THEME_OVERRIDES, useChartBaseTheme } from './chart_theme';
import { cohortBands, cohortCells, cohortPercent, type CohortMode } from './cohort_view';

interface CohortHeatmapProps {
  rows: CohortRow[];
  mode: CohortMode;
  /** Rows are days or weeks (Monday); columns are days or weeks after the cohort event. */
  period: 'day' | 'week';
  /** What a row is, e.g. "Week of download". */
  rowTitle: string;
  /** What a column counts, e.g. "Weeks until the 1st order". */
  columnTitle: string;
  ariaLabel: string;
  testSubj: string;
}

/** Row height: weekly tables have few rows and show a number in each cell; daily ones many. */
const ROW_PX = { day: 16, week: 26 } as const;
const BAND_COLORS = 6;
/** Long daily tables scroll inside the panel instead of stretching the page. */
const MAX_HEIGHT_PX = 1400;

function formatValue(value: number | null, mode: CohortMode): string {
  if (value === null) return '';
  return mode === 'count' ? formatNumber(value) : `${formatNumber(value, 1)}%`;
}

/**
 * A cohort table as an Elastic Charts heatmap: one row per cohort period (labelled with its size),
 * columns 0..15, colour by count or by % of the cohort size. Empty cells stay blank.
 */
export function CohortHeatmap({
  rows,
  mode,
  period,
  rowTitle,
  columnTitle,
  ariaLabel,
  testSubj,
}: CohortHeatmapProps): JSX.Element {
  const baseTheme = useChartBaseTheme();
  const palette = useEuiPaletteCool(BAND_COLORS);
  const cells = cohortCells(rows, mode);
  const maxValue = Math.max(0, ...cells.map((cell) => cell.value ?? 0));
  const sizes = new Map(rows.map((row) => [row.period, row.cohort_size]));
  const rowLabel = (value: string | number) =>
    `${formatPeriod(String(value), period)} (${formatNumber(sizes.get(String(value)) ?? 0)})`;
  const columns = Array.from({ length: COHORT_COLUMNS }, (_, column) => column);
  const height = rows.length * ROW_PX[period] + 110;

  return (
    <div data-test-subj={testSubj}>
      <div
        style={{ maxHeight: MAX_HEIGHT_PX, overflowY: height > MAX_HEIGHT_PX ? 'auto' : 'visible' }}
      >
        <div style={{ height }}>
          <Chart>
            <Settings
              baseTheme={baseTheme}
              theme={[
                CHART_THEME_OVERRIDES,
                {
                  heatmap: {
                    xAxisLabel: { fontSize: 11 },
                    yAxisLabel: { fontSize: period === 'day' ? 10 : 11 },
                    cell: {
                      // Labels that do not fit a cell at 8 px are left out by the chart.
                      label: { visible: true, minFontSize: 8, maxFontSize: 11 },
                      border: { strokeWidth: 0 },
                    },
                  },
                },
              ]}
              showLegend
              legendPosition={Position.Right}
              ariaLabel={ariaLabel}
              locale="en"
            />
            <Tooltip />
            <Heatmap
              id={testSubj}
              name={mode === 'count' ? 'Customers' : '% of cohort'}
              colorScale={{ type: 'bands', bands: cohortBands(mode, maxValue, palette) }}
              data={cells}
              xAccessor="column"
              yAccessor="period"
              valueAccessor="value"
              valueFormatter={(value) => formatValue(value as number | null, mode)}
              xSortPredicate="numAsc"
              ySortPredicate="dataIndex"
              xScale={{ type: ScaleType.Ordinal }}
              xAxisTitle={columnTitle}
              yAxisTitle={`${rowTitle} (cohort size)`}
              xAxisLabelName={columnTitle}
              yAxisLabelName={rowTitle}
              xAxisLabelFormatter={(value) => String(value)}
              yAxisLabelFormatter={rowLabel}
            />
          </Chart>
        </div>
      </div>
      <ChartDataTable
        caption={ariaLabel}
        rowHeader={rowTitle}
        columns={[
          { id: 'size', name: 'Cohort size' },
          ...columns.map((column) => ({ id: String(column), name: String(column) })),
        ]}
        rows={rows.map((row) => ({
          key: row.period,
          label: formatPeriod(row.period, period),
          values: {
            size: formatNumber(row.cohort_size),
            ...Object.fromEntries(
              row.counts.map((count, column) => [
                String(column),
                mode === 'count'
                  ? formatNumber(count)
                  : formatValue(cohortPercent(count, row.cohort_size), mode) || 'n/a',
              ]),
            ),
          },
        }))}
        testSubj={`${testSubj}-data`}
      />
    </div>
  );
}
