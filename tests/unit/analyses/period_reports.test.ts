import { describe, expect, it } from 'vitest';
import {
  customersByOrderCountRows,
  paymentDistributionRows,
  weeklyOrderActivity,
} from '../../../sidecar/src/analyses/descriptive_stats';
import { kpiRows, kpiWindows } from '../../../sidecar/src/analyses/kpis';
import { PassOrdersBuilder } from '../../../sidecar/src/analyses/order_sequences';
import { PeriodIndex, daysInRange } from '../../../sidecar/src/analyses/periods';
import {
  DailyProductRevenue,
  PairCounter,
  ProductDictionary,
  topTermRows,
} from '../../../sidecar/src/analyses/products';
import {
  inorganicRatioRows,
  promotionDailyRows,
  promotionTotalsOf,
  type PromotionDay,
} from '../../../sidecar/src/analyses/promotions';
import { hourlyFunnelRows, periodFunnelRows } from '../../../sidecar/src/analyses/session_funnel';

const t = (iso: string) => Date.parse(iso);
/** A promotion's day as the aggregation reads it: money in cents and in currency units. */
const day = (
  promotion: string,
  date: string,
  orders: number,
  revenueCents: number,
  discountCents: number,
): PromotionDay => ({
  promotion,
  startMs: t(`${date}T00:00:00Z`),
  orders,
  revenue: revenueCents / 100,
  discount: discountCents / 100,
  revenueCents,
  discountCents,
});
const range = { fromMs: t('2025-03-01T15:00:00Z'), nowMs: t('2025-03-04T09:00:00Z') };

describe('period reports', () => {
  it('keep periods without sessions as zero rows', () => {
    const rows = periodFunnelRows(
      [{ startMs: t('2025-03-02T00:00:00Z'), counts: { has_sessions: 3, purchased: 1 } }],
      new PeriodIndex(range, 'daily'),
      ['has_sessions', 'purchased'],
    );
    expect(rows.map((r) => [r.period, r.counts.has_sessions, r.counts.purchased])).toEqual([
      ['2025-03-01', 0, 0],
      ['2025-03-02', 3, 1],
      ['2025-03-03', 0, 0],
      ['2025-03-04', 0, 0],
    ]);
  });

  it('hourly = sum of that hour of day over the range / days in range, zero days included', () => {
    expect(daysInRange(range)).toBe(4);
    const rows = hourlyFunnelRows(
      [
        { startMs: t('2025-03-01T15:00:00Z'), counts: { purchased: 2 } },
        { startMs: t('2025-03-03T15:00:00Z'), counts: { purchased: 1 } },
      ],
      4,
      ['purchased'],
    );
    expect(rows[15]).toEqual({ hour: 15, counts: { purchased: 0.75 } });
    expect(rows[14]).toEqual({ hour: 14, counts: { purchased: 0 } });
  });

  it('weeks start on Monday: Sunday and the next Monday are two weeks', () => {
    const builder = new PassOrdersBuilder();
    builder.add(0, t('2025-03-09T23:00:00Z'), 1, 0);
    builder.add(0, t('2025-03-10T01:00:00Z'), 1, 0);
    builder.add(0, t('2025-03-10T02:00:00Z'), 1, 0);
    const weeks = new PeriodIndex(
      { fromMs: t('2025-03-05T00:00:00Z'), nowMs: t('2025-03-10T05:00:00Z') },
      'weekly',
    );
    expect(weeklyOrderActivity(builder.build(), weeks)).toEqual([
      { startMs: t('2025-03-03T00:00:00Z'), events: 1, customers: 1 },
      { startMs: t('2025-03-10T00:00:00Z'), events: 2, customers: 1 },
    ]);
  });

  it('payment distribution: 20 equal bins from min to max, the max in the last bin', () => {
    const rows = paymentDistributionRows(Float64Array.of(0, 5, 99.99, 100));
    expect(rows).toHaveLength(20);
    expect(rows[0]).toEqual({ bin: 0, lower: 0, upper: 5, orders: 1 });
    expect(rows[1]).toEqual({ bin: 1, lower: 5, upper: 10, orders: 1 });
    expect(rows[19]).toEqual({ bin: 19, lower: 95, upper: 100, orders: 2 });
    expect(paymentDistributionRows(Float64Array.of(7, 7))[0]).toEqual({
      bin: 0,
      lower: 7,
      upper: 7,
      orders: 2,
    });
    expect(paymentDistributionRows(new Float64Array())).toEqual([]);
  });

  it('customers by order count', () => {
    const builder = new PassOrdersBuilder();
    builder.add(0, 1, 1, 0);
    builder.add(1, 1, 1, 0);
    builder.add(1, 2, 1, 0);
    builder.add(1, 3, 1, 0);
    expect(customersByOrderCountRows(builder.build())).toEqual([
      { order_count: 1, customers: 1 },
      { order_count: 2, customers: 0 },
      { order_count: 3, customers: 1 },
    ]);
  });
});

describe('KPIs', () => {
  it('last 7 days are the day of now and the 6 before; the previous 7 the week before', () => {
    const windows = kpiWindows(t('2025-03-17T09:00:00Z'));
    expect(new Date(windows.last7.fromMs).toISOString()).toBe('2025-03-11T00:00:00.000Z');
    expect(new Date(windows.last7.toMs).toISOString()).toBe('2025-03-18T00:00:00.000Z');
    expect(new Date(windows.previous7.fromMs).toISOString()).toBe('2025-03-04T00:00:00.000Z');
  });

  it('% change is null when the earlier value is 0', () => {
    const v = (n: number) => ({ orders: n, revenue: n * 10, visitors: n, discount: 0 });
    const rows = kpiRows({ total: v(9), last7: v(3), previous7: v(2) });
    expect(rows[0]).toEqual({
      metric: 'orders',
      total: 9,
      last7: 3,
      previous7: 2,
      change: 1,
      change_pct: 50,
    });
    expect(rows[3]).toMatchObject({ metric: 'discount', change: 0, change_pct: null });
  });
});

describe('products and promotions', () => {
  it('a pair counts once per order however many lines, ranked by orders then names', () => {
    const dictionary = new ProductDictionary();
    const pairs = new PairCounter(dictionary);
    const ids = (...names: string[]) => names.map((n) => dictionary.indexOf(n));
    pairs.addOrder(ids('milk', 'bread', 'milk'));
    pairs.addOrder(ids('bread', 'milk', 'jam'));
    pairs.addOrder(ids('jam'));
    expect(pairs.top(2)).toEqual([
      { rank: 1, first: 'bread', second: 'milk', orders: 2 },
      { rank: 2, first: 'bread', second: 'jam', orders: 1 },
    ]);
  });

  it('daily product revenue is Σ unit price × quantity', () => {
    const revenue = new DailyProductRevenue(new PeriodIndex(range, 'daily'));
    revenue.add(t('2025-03-02T10:00:00Z'), 2.5, 4);
    revenue.add(t('2025-03-02T11:00:00Z'), 1, 1);
    expect(revenue.rows()[1]).toEqual({ period: '2025-03-02', revenue: 11 });
  });

  it('top terms rank by orders, then name', () => {
    expect(
      topTermRows(
        [
          { name: 'b', orders: 2, quantity: 3 },
          { name: 'a', orders: 2, quantity: 1 },
        ],
        1,
      ),
    ).toEqual([{ rank: 1, name: 'a', orders: 2, quantity: 1 }]);
  });

  it('promotion days run from the first to the last order day with zeros between', () => {
    const rows = promotionDailyRows([
      day('P', '2025-03-01', 1, 1000, 100),
      day('P', '2025-03-03', 2, 2000, 200),
    ]);
    expect(rows.map((r) => [r.period, r.orders])).toEqual([
      ['2025-03-01', 1],
      ['2025-03-02', 0],
      ['2025-03-03', 2],
    ]);
  });

  it('promotion totals sum their days in cents, divided once', () => {
    expect(
      promotionTotalsOf([
        day('P', '2025-03-01', 1, 10, 1),
        day('Q', '2025-03-01', 1, 500, 0),
        day('P', '2025-03-02', 2, 20, 2),
      ]),
    ).toEqual([
      { promotion: 'P', orders: 3, revenue: 0.3, discount: 0.03 },
      { promotion: 'Q', orders: 1, revenue: 5, discount: 0 },
    ]);
  });

  it('inorganic ratio is null on a day without orders', () => {
    const rows = inorganicRatioRows(
      [{ startMs: t('2025-03-01T00:00:00Z'), orders: 4, promoted: 1 }],
      new PeriodIndex(range, 'daily'),
    );
    expect(rows.slice(0, 2)).toEqual([
      { period: '2025-03-01', orders: 4, promoted_orders: 1, ratio: 0.25 },
      { period: '2025-03-02', orders: 0, promoted_orders: 0, ratio: null },
    ]);
  });
});
