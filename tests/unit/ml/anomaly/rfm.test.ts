import { describe, expect, it } from 'vitest';
import type { ClvSegmentRow } from '../../../../common/reports/clv';
import { rfmAnomalyRows } from '../../../../sidecar/src/ml/anomaly/rfm';

const segment = (
  name: string,
  customers: number,
  orders: number,
  expected: number,
): ClvSegmentRow => ({
  segment: name,
  customers,
  predicted_revenue: 100 * customers,
  share: 0.2,
  expected_orders: expected,
  current_revenue: 100 * customers,
  current_orders: orders,
});

describe('predicted vs current per segment', () => {
  // orders per customer now 1 in every segment; next 1.1, 0.9, 1.0, 1.05, 3.0
  // errors √(|next − now| / now): .3162, .3162, 0, .2236, 1.4142 → median .3162;
  // deviations 0, 0, .3162, .0926, 1.0980 → MAD .0926; threshold .3162 + 3.5 × .0926 = .6403
  const segments = [
    segment('A', 10, 10, 11),
    segment('B', 20, 20, 18),
    segment('C', 10, 10, 10),
    segment('D', 20, 20, 21),
    segment('E', 5, 5, 15),
  ];
  const rows = rfmAnomalyRows(segments);

  it('per customer, with the change and only the drifting segment anomalous', () => {
    const orders = rows.filter((r) => r.metric === 'orders');
    expect(orders.map((r) => r.anomalous)).toEqual([false, false, false, false, true]);
    expect(orders[4]).toMatchObject({ segment: 'E', customers: 5, current: 1, predicted: 3 });
    expect(orders[4]!.change_pct).toBeCloseTo(2, 12);
    const z = (Math.SQRT2 - Math.sqrt(0.1)) / (Math.sqrt(0.1) - Math.sqrt(0.05));
    expect(orders[4]!.score).toBeCloseTo(100 * (1 - 2 ** (-z / 3.5)), 10);
    expect(orders[2]!.score).toBe(0); // below the median
  });

  it('a metric predicted exactly as it is has no anomaly; a segment without customers scores 0', () => {
    const revenue = rows.filter((r) => r.metric === 'revenue');
    expect(revenue.every((r) => !r.anomalous && r.score === 0 && r.change_pct === 0)).toBe(true);
    const empty = rfmAnomalyRows([segment('A', 10, 10, 11), segment('Z', 0, 0, 0)]);
    expect(empty[1]).toMatchObject({
      segment: 'Z',
      current: 0,
      change_pct: null,
      score: 0,
      anomalous: false,
    });
  });
});
