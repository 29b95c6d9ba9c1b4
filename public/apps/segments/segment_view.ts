import type { HistogramRow, RfmMetric, ScatterRow } from '../../../common/reports/segments';
import { segmentsOf, type SegmentScheme } from '../../../common/segments';
import { formatAmount, formatNumber } from '../../components/format';

/** One fixed colour per segment of a scheme, in the scheme's order, so every chart agrees. */
export function segmentColors(
  scheme: SegmentScheme,
  palette: readonly string[],
): Map<string, string> {
  return new Map(segmentsOf(scheme).map((segment, i) => [segment, palette[i % palette.length]!]));
}

export const METRIC_LABELS: Record<RfmMetric, { title: string; unit: string }> = {
  recency: { title: 'Recency', unit: 'days since the last order' },
  frequency: { title: 'Frequency', unit: 'mean days between orders' },
  monetary: { title: 'Monetary', unit: 'mean order amount' },
};

export function formatMetric(metric: RfmMetric, value: number): string {
  return metric === 'monetary' ? formatAmount(value) : formatNumber(value, 1);
}

export interface HistogramBar {
  key: string;
  label: string;
  rank: string;
  customers: number;
}

/** A metric's histogram as stacked bars: one per bin and cluster rank, bins in value order. */
export function histogramBars(rows: HistogramRow[], metric: RfmMetric): HistogramBar[] {
  return rows
    .filter((row) => row.metric === metric)
    .sort((a, b) => a.bin - b.bin || a.rank - b.rank)
    .map((row) => ({
      key: String(row.bin).padStart(3, '0'),
      label: `${formatMetric(metric, row.from)}${row.open_ended ? '+' : `–${formatMetric(metric, row.to)}`}`,
      rank: `rank ${row.rank}`,
      customers: row.customers,
    }));
}

export const SCATTER_PAIRS = [
  { id: 'recency_frequency', x: 'recency', y: 'frequency' },
  { id: 'recency_monetary', x: 'recency', y: 'monetary' },
  { id: 'frequency_monetary', x: 'frequency', y: 'monetary' },
] as const satisfies ReadonlyArray<{ id: string; x: RfmMetric; y: RfmMetric }>;
export type ScatterPairId = (typeof SCATTER_PAIRS)[number]['id'];

const FIELD: Record<RfmMetric, keyof ScatterRow> = {
  recency: 'recency_days',
  frequency: 'frequency_days',
  monetary: 'monetary',
};

export interface ScatterPoint {
  x: number;
  y: number;
  segment: string;
}

/** Points of one pair; one-order customers have no frequency and drop out of its pairs. */
export function scatterPoints(
  rows: ScatterRow[],
  pair: (typeof SCATTER_PAIRS)[number],
  scheme: SegmentScheme,
): ScatterPoint[] {
  const points: ScatterPoint[] = [];
  for (const row of rows) {
    const x = row[FIELD[pair.x]] as number | null;
    const y = row[FIELD[pair.y]] as number | null;
    if (x === null || y === null) continue;
    points.push({ x, y, segment: scheme === 'kmeans' ? row.segment : row.quintile_segment });
  }
  return points;
}
