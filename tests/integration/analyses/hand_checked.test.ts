import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import type { DownloadDocument, OrderDocument } from '../../../common/documents';
import type { IndexNames } from '../../../common/indices';
import { readLatestReport } from '../../../sidecar/src/reports/report_store';
import { runAnalyses } from '../../../sidecar/src/pipeline/run_analyses';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';
import { loadOrdersFixture } from '../../helpers/orders_fixture';

let sessionNumber = 0;
function session(
  client: string,
  at: string,
  dimension: string,
  amount: number | null,
): OrderDocument {
  const purchased = amount !== null;
  return {
    session_id: `s${++sessionNumber}`,
    client,
    session_start: at,
    purchased,
    payment_amount: amount ?? 0,
    discount_amount: 0,
    dimension,
    actions: { has_sessions: true, purchased },
  };
}

/**
 * Six customers small enough to work out by hand (2025-03-03 is a Monday):
 * c1 (web) four orders, the last two across a Sunday/Monday boundary; c2 (web) one order and a
 * visit; c3 (app) two orders two weeks apart; c4 (tv) visits but never buys; c5 downloads only;
 * c6 (kiosk) the only customer of its dimension, one order. now = c3's last order.
 */
const orders: OrderDocument[] = [
  session('c1', '2025-03-03T10:00:00Z', 'web', 20),
  session('c1', '2025-03-05T10:00:00Z', 'web', 30),
  session('c1', '2025-03-09T23:30:00Z', 'web', 10),
  session('c1', '2025-03-10T00:30:00Z', 'web', 40),
  session('c2', '2025-03-04T12:00:00Z', 'web', 50),
  session('c2', '2025-03-06T12:00:00Z', 'web', null),
  session('c3', '2025-03-03T09:00:00Z', 'app', 15),
  session('c3', '2025-03-17T09:00:00Z', 'app', 25),
  session('c4', '2025-03-12T08:00:00Z', 'tv', null),
  session('c6', '2025-03-16T18:00:00Z', 'kiosk', 100),
];
const downloads: DownloadDocument[] = [
  { client: 'c1', download_date: '2025-03-01T00:00:00Z' },
  { client: 'c2', download_date: '2025-03-02T00:00:00Z' },
  { client: 'c3', download_date: '2025-03-03T08:00:00Z' },
  { client: 'c5', download_date: '2025-03-05T00:00:00Z' },
];
const zeros = (set: Record<number, number>) => Array.from({ length: 16 }, (_, i) => set[i] ?? 0);

describe('reports checked by hand on six customers', () => {
  const prefix = testPrefix('analyses-hand');
  let client: Client;
  let names: IndexNames;
  const data = async (report: string, type: string, dimension = 'all') =>
    (await readLatestReport(client, names, report, type, dimension))!.data;

  beforeAll(async () => {
    client = testClient();
    names = await loadOrdersFixture(client, prefix, { orders, downloads });
    await runAnalyses(client, names);
  });
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('cohorts count whole calendar weeks/days: Sunday 23:30 → Monday 00:30 is one of each', async () => {
    expect(await data('cohort', 'first_second_weekly')).toEqual([
      { period: '2025-03-03', cohort_size: 3, counts: zeros({ 0: 1, 2: 1 }) },
      { period: '2025-03-10', cohort_size: 1, counts: zeros({}) },
    ]);
    expect(await data('cohort', 'third_fourth_weekly')).toEqual([
      { period: '2025-03-03', cohort_size: 1, counts: zeros({ 1: 1 }) },
    ]);
    expect(await data('cohort', 'third_fourth_daily')).toEqual([
      { period: '2025-03-09', cohort_size: 1, counts: zeros({ 1: 1 }) },
    ]);
    // c5 downloaded and never bought: in the cohort size, in no column.
    expect((await data('cohort', 'download_first_weekly'))[0]).toEqual({
      period: '2025-02-24',
      cohort_size: 2,
      counts: zeros({ 1: 2 }),
    });
  });

  it('customers by order count keeps the empty 3-order row', async () => {
    expect(await data('stats', 'customers_by_order_count')).toEqual([
      { order_count: 1, customers: 2 },
      { order_count: 2, customers: 1 },
      { order_count: 3, customers: 0 },
      { order_count: 4, customers: 1 },
    ]);
  });

  it('churn: own mean gap, the median gap for one-order customers, factor 2', async () => {
    // c1 gap 52.83 h, last 176.5 h ago → churned; c3 ordered at now; c2 gets the median
    // (52.83 + 336) / 2 = 194.42 h and is 309 h out (< 388.8); c6 is 15 h out.
    expect(await data('churn', 'overall')).toEqual([
      {
        period: null,
        evaluated_at: '2025-03-17T09:00:00.000Z',
        customers: 4,
        churned: 1,
        churn_rate: 0.25,
        median_gap_hours: (158.5 / 3 + 336) / 2,
      },
    ]);
    // At Mon 03-10 00:00 only c1 has 2+ orders (gap 78.75 h): c3 (159 h out) churned. At 03-17
    // 00:00 c1 (167.5 h), c2 (300 h), c3 (327 h) exceed 2 × 52.83 h; c6 does not.
    const weekly = (await data('churn', 'weekly')) as Array<Record<string, unknown>>;
    expect(weekly.map((r) => [r.period, r.evaluated_at, r.customers, r.churned])).toEqual([
      ['2025-03-03', '2025-03-10T00:00:00.000Z', 3, 1],
      ['2025-03-10', '2025-03-17T00:00:00.000Z', 4, 3],
    ]);
  });

  it('KPIs: last 7 days = 03-11..03-17 vs 03-04..03-10; % change null when the earlier is 0', async () => {
    expect(await data('kpis', 'overall')).toEqual([
      { metric: 'orders', total: 8, last7: 2, previous7: 4, change: -2, change_pct: -50 },
      {
        metric: 'revenue',
        total: 290,
        last7: 125,
        previous7: 130,
        change: -5,
        change_pct: (-5 / 130) * 100,
      },
      { metric: 'visitors', total: 5, last7: 3, previous7: 2, change: 1, change_pct: 50 },
      { metric: 'discount', total: 0, last7: 0, previous7: 0, change: 0, change_pct: null },
    ]);
    const kiosk = (await data('kpis', 'overall', 'kiosk')) as Array<Record<string, unknown>>;
    expect(kiosk[0]).toEqual({
      metric: 'orders',
      total: 1,
      last7: 1,
      previous7: 0,
      change: 1,
      change_pct: null,
    });
  });

  it('journey: order numbers up to the mean order count (8 / 4 = 2)', async () => {
    expect(await data('journey', 'average')).toEqual([
      {
        metric: 'hours_download_to_first_order',
        order_number: null,
        value: (58 + 60 + 1) / 3,
        customers: 3,
      },
      { metric: 'order_amount', order_number: 1, value: (20 + 50 + 15 + 100) / 4, customers: 4 },
      { metric: 'order_amount', order_number: 2, value: (30 + 25) / 2, customers: 2 },
      { metric: 'hours_between_orders', order_number: 1, value: (48 + 336) / 2, customers: 2 },
      {
        metric: 'hours_between_orders',
        order_number: null,
        value: (48 + 109.5 + 1 + 336) / 4,
        customers: 4,
      },
      {
        metric: 'hours_since_last_order',
        order_number: null,
        value: (176.5 + 309 + 0 + 15) / 4,
        customers: 4,
      },
    ]);
  });

  it('a dimension with one customer and a dimension without orders', async () => {
    const days = 15; // 03-03 .. 03-17
    const hourly = (await data('stats', 'orders_hourly', 'kiosk')) as Array<{
      hour: number;
      orders: number;
    }>;
    expect(hourly.filter((r) => r.orders > 0)).toEqual([{ hour: 18, orders: 1 / days }]);
    expect(await data('stats', 'customers_by_order_count', 'tv')).toEqual([]);
    expect(await data('churn', 'overall', 'tv')).toMatchObject([
      { customers: 0, churned: 0, churn_rate: null },
    ]);
    expect(await data('stats', 'payment_distribution', 'tv')).toEqual([]);
    const tvFunnel = (await data('funnel', 'customer_weekly', 'tv')) as Array<{
      period: string;
      counts: Record<string, number>;
    }>;
    expect(tvFunnel.find((r) => r.period === '2025-03-10')!.counts).toEqual({
      download: 0,
      signup: 0,
      first_session: 1,
      first_order: 0,
    });
  });
});
