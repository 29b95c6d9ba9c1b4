import { describe, expect, it } from 'vitest';
import { churnAt, churnWeeklyRows } from '../../../sidecar/src/analyses/churn';
import { journeyRows } from '../../../sidecar/src/analyses/journey';
import { PassOrdersBuilder } from '../../../sidecar/src/analyses/order_sequences';

const H = 3_600_000;

/** Customers as lists of order hours (amount = hour, to tell orders apart). */
function sequences(customers: number[][]) {
  const builder = new PassOrdersBuilder();
  customers.forEach((hours, c) => hours.forEach((h) => builder.add(c, h * H, h, 0)));
  return builder.build();
}

describe('churn', () => {
  it('is more than factor × the customer’s mean gap since the last order', () => {
    // gaps 10 h: churned strictly after 20 h of silence.
    const data = sequences([[0, 10, 20]]);
    expect(churnAt(data, 40 * H, 2).churned).toBe(0);
    expect(churnAt(data, 40.5 * H, 2).churned).toBe(1);
    expect(churnAt(data, 40.5 * H, 3).churned).toBe(0);
  });

  it('gives one-order customers the median expected gap of the others', () => {
    // expected gaps 10 h and 30 h → median 20 h; the one-order customer ordered at 0.
    const data = sequences([[0, 10], [0, 30], [0]]);
    const at = churnAt(data, 41 * H, 2);
    expect(at.medianGapMs).toBe(20 * H);
    expect(at).toMatchObject({ customers: 3, churned: 2 }); // 41 h > 40 h; the 30-h one is 11 h out
  });

  it('uses only orders before t, and cannot judge one-order customers without a median', () => {
    const data = sequences([[0, 100]]);
    expect(churnAt(data, 100 * H, 2)).toEqual({ customers: 1, churned: 0, medianGapMs: null });
    expect(churnAt(data, 100 * H, 2, true).medianGapMs).toBe(100 * H);
  });

  it('weekly rows are evaluated at the next Monday 00:00 for every week ended by now', () => {
    const monday = Date.UTC(2025, 2, 3) / H; // hours since epoch
    const data = sequences([[monday + 1, monday + 2]]);
    const rows = churnWeeklyRows(data, (monday + 14 * 24 + 1) * H, 2);
    expect(rows.map((r) => [r.period, r.evaluated_at, r.churned])).toEqual([
      ['2025-03-03', '2025-03-10T00:00:00.000Z', 1],
      ['2025-03-10', '2025-03-17T00:00:00.000Z', 1],
    ]);
  });
});

describe('customer journey', () => {
  it('means per order number up to the mean order count, gaps, time since the last order', () => {
    const data = sequences([[10, 20, 40], [5]]); // 4 orders / 2 customers → depth 2
    const rows = journeyRows(data, Float64Array.of(0, NaN), 50 * H);
    expect(rows).toEqual([
      { metric: 'hours_download_to_first_order', order_number: null, value: 10, customers: 1 },
      { metric: 'order_amount', order_number: 1, value: 7.5, customers: 2 },
      { metric: 'order_amount', order_number: 2, value: 20, customers: 1 },
      { metric: 'hours_between_orders', order_number: 1, value: 10, customers: 1 },
      { metric: 'hours_between_orders', order_number: null, value: 15, customers: 2 },
      { metric: 'hours_since_last_order', order_number: null, value: 27.5, customers: 2 },
    ]);
  });
});
