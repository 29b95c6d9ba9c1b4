import { describe, expect, it } from 'vitest';
import type { HistogramRow, ScatterRow } from '../../../common/reports/segments';
import {
  SCATTER_PAIRS,
  histogramBars,
  scatterPoints,
  segmentColors,
} from '../../../public/apps/segments/segment_view';

describe('the Segments dashboard view models', () => {
  it('gives each segment of a scheme its own colour, in the scheme’s order', () => {
    const colors = segmentColors('kmeans', ['#1', '#2', '#3']);
    expect(colors.get('Champions')).toBe('#1');
    expect(colors.get('Loyal Customers')).toBe('#2');
    expect(colors.get('Need Attention')).toBe('#1'); // the 4th wraps round a 3-colour palette
    expect(segmentColors('quintile', ['#a']).size).toBe(10);
  });

  it('orders histogram bars by bin then rank and labels the open last bin with +', () => {
    const row = (bin: number, rank: number, open = false): HistogramRow => ({
      metric: 'monetary',
      bin,
      from: bin * 10,
      to: bin * 10 + 10,
      open_ended: open,
      rank,
      customers: bin + rank,
    });
    const bars = histogramBars([row(1, 5, true), row(0, 2), row(0, 1)], 'monetary');
    expect(bars.map((b) => [b.key, b.rank, b.customers])).toEqual([
      ['000', 'rank 1', 1],
      ['000', 'rank 2', 2],
      ['001', 'rank 5', 6],
    ]);
    expect(bars[0]!.label).toBe('0.00–10.00');
    expect(bars[2]!.label).toBe('10.00+');
  });

  it('drops one-order customers from the pairs that need frequency', () => {
    const rows: ScatterRow[] = [
      {
        recency_days: 2,
        frequency_days: null,
        monetary: 40,
        segment: 'Newcomers',
        quintile_segment: 'New',
        joint_cluster: null,
      },
      {
        recency_days: 5,
        frequency_days: 7,
        monetary: 90,
        segment: 'Champions',
        quintile_segment: 'Loyal',
        joint_cluster: 1,
      },
    ];
    const [rf, rm] = SCATTER_PAIRS;
    expect(scatterPoints(rows, rf, 'kmeans')).toEqual([{ x: 5, y: 7, segment: 'Champions' }]);
    expect(scatterPoints(rows, rm, 'quintile')).toEqual([
      { x: 2, y: 40, segment: 'New' },
      { x: 5, y: 90, segment: 'Loyal' },
    ]);
  });
});
