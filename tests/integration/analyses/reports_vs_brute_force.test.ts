import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../../../common/indices';
import { REPORT_CATALOGUE, REPORT_IDS, type ReportId } from '../../../common/reports/catalogue';
import { readLatestReport } from '../../../sidecar/src/reports/report_store';
import { runAnalyses, type AnalysisResult } from '../../../sidecar/src/pipeline/run_analyses';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';
import { loadOrdersFixture } from '../../helpers/orders_fixture';
import { BruteForce } from './brute_force';
import { randomFixture } from './fixture_data';

const fixture = randomFixture();
const DIMENSIONS = ['north', 'quiet', 'solo', 'south'];
const CONTEXTS = ['all', ...DIMENSIONS];
const ACTIONS = ['has_basket', 'order_screen'];
/**
 * The fixture spans weeks, not the year before its horizon the CLV backtest needs: that family
 * writes no reports here (its stage logs why; tests/integration/analyses/clv.test.ts covers it).
 */
const WRITTEN_IDS = REPORT_IDS.filter((id) => !id.startsWith('clv/'));

/** Rows with numbers rounded, so sums in a different order compare equal. */
function rounded<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
    typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v,
  ) as T;
}

describe('every exploratory report equals a brute-force computation over the fixture rows', () => {
  const prefix = testPrefix('analyses-brute');
  let client: Client;
  let names: IndexNames;
  let result: AnalysisResult;
  const data = async (id: ReportId, dimension: string) => {
    const [report, type] = id.split('/') as [string, string];
    const document = await readLatestReport(client, names, report, type, dimension);
    if (!document) throw new Error(`no ${id} for ${dimension}`);
    for (const row of document.data) REPORT_CATALOGUE[id].row.parse(row);
    return document;
  };

  beforeAll(async () => {
    client = testClient();
    names = await loadOrdersFixture(client, prefix, fixture);
    result = await runAnalyses(client, names);
  });
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('discovers the dimension values, the funnel order of actions and the reference time', async () => {
    expect(result.dimensions).toEqual(DIMENSIONS);
    expect(result.orderScans).toBe(1);
    expect(result.reports).toBe(WRITTEN_IDS.length * CONTEXTS.length);
    const funnel = await data('funnel/session_daily', 'all');
    expect(funnel.params.steps).toEqual([
      'has_sessions',
      'has_basket',
      'order_screen',
      'purchased',
    ]);
    const latest = Math.max(...fixture.orders.map((o) => Date.parse(o.session_start)));
    expect(result.referenceTime).toBe(new Date(latest).toISOString());
  });

  for (const dimension of CONTEXTS) {
    describe(`dimension ${dimension}`, () => {
      const brute = new BruteForce(fixture, dimension, ACTIONS);

      it('session funnels and orders per period (zeros kept), hourly as means over all days', async () => {
        for (const period of ['daily', 'weekly', 'monthly'] as const) {
          const expected = brute.sessionFunnel(period);
          expect((await data(`funnel/session_${period}`, dimension)).data).toEqual(expected);
          expect((await data(`stats/orders_${period}`, dimension)).data).toEqual(
            expected.map((r) => ({ period: r.period, orders: r.counts.purchased })),
          );
        }
        const hourly = brute.sessionFunnelHourly();
        expect(rounded((await data('funnel/session_hourly', dimension)).data)).toEqual(
          rounded(hourly),
        );
        expect(rounded((await data('stats/orders_hourly', dimension)).data)).toEqual(
          rounded(hourly.map((r) => ({ hour: r.hour, orders: r.counts.purchased }))),
        );
      });

      it('customer funnels', async () => {
        for (const period of ['daily', 'weekly', 'monthly'] as const) {
          expect((await data(`funnel/customer_${period}`, dimension)).data).toEqual(
            brute.customerFunnel(period),
          );
        }
      });

      it('the four cohorts, daily and weekly', async () => {
        for (const step of [
          'download_first',
          'first_second',
          'second_third',
          'third_fourth',
        ] as const) {
          for (const period of ['daily', 'weekly'] as const) {
            expect((await data(`cohort/${step}_${period}`, dimension)).data).toEqual(
              brute.cohort(step, period),
            );
          }
        }
      });

      it('descriptive stats', async () => {
        expect((await data('stats/sessions_per_customer_weekly', dimension)).data).toEqual(
          brute.weeklyPerCustomer('sessions'),
        );
        expect((await data('stats/orders_per_customer_weekly', dimension)).data).toEqual(
          brute.weeklyPerCustomer('orders'),
        );
        expect(rounded((await data('stats/payment_mean_weekly', dimension)).data)).toEqual(
          rounded(brute.paymentMeanWeekly()),
        );
        const bins = (await data('stats/payment_distribution', dimension)).data as Array<{
          orders: number;
        }>;
        expect(bins.map((b) => b.orders)).toEqual(brute.paymentDistribution());
        expect((await data('stats/customers_by_order_count', dimension)).data).toEqual(
          brute.customersByOrderCount(),
        );
      });

      it('KPIs with last-7-days change', async () => {
        expect(rounded((await data('kpis/overall', dimension)).data)).toEqual(
          rounded(brute.kpis()),
        );
      });

      it('journey and churn', async () => {
        const journey = (await data('journey/average', dimension)).data as Array<{
          metric: string;
          order_number: number | null;
          value: number | null;
        }>;
        const expected = brute.journey();
        const value = (metric: string, n: number | null) =>
          journey.find((r) => r.metric === metric && r.order_number === n)?.value;
        expect(rounded(value('hours_download_to_first_order', null))).toEqual(
          rounded(expected.toFirst),
        );
        expect(
          rounded(journey.filter((r) => r.metric === 'order_amount').map((r) => r.value)),
        ).toEqual(rounded(expected.amounts));
        expect(
          rounded(
            journey
              .filter((r) => r.metric === 'hours_between_orders' && r.order_number !== null)
              .map((r) => r.value),
          ),
        ).toEqual(rounded(expected.gaps));
        expect(rounded(value('hours_between_orders', null))).toEqual(rounded(expected.allGaps));
        expect(rounded(value('hours_since_last_order', null))).toEqual(rounded(expected.sinceLast));

        const overall = (await data('churn/overall', dimension)).data[0] as Record<string, unknown>;
        const at = brute.churn(brute.nowMs, true);
        expect(rounded(overall)).toMatchObject(rounded(at));
        const weekly = (await data('churn/weekly', dimension)).data as Array<
          Record<string, unknown>
        >;
        const ends = brute.purchases.length ? brute.weekEnds() : [];
        expect(weekly.map((r) => r.evaluated_at)).toEqual(
          ends.map((t) => new Date(t).toISOString()),
        );
        expect(
          rounded(
            weekly.map((r) => ({
              customers: r.customers,
              churned: r.churned,
              median_gap_hours: r.median_gap_hours,
            })),
          ),
        ).toEqual(rounded(ends.map((t) => brute.churn(t))));
      });

      it('products: top products, categories, pairs, daily basket revenue', async () => {
        const strip = (rows: unknown[]) =>
          (rows as Array<{ name: string; orders: number; quantity: number }>).map(
            ({ name, orders, quantity }) => ({ name, orders, quantity }),
          );
        expect(strip((await data('products/top_products', dimension)).data)).toEqual(
          brute.topTerms('product'),
        );
        expect(strip((await data('products/top_categories', dimension)).data)).toEqual(
          brute.topTerms('category'),
        );
        const pairs = (await data('products/top_pairs', dimension)).data as Array<{
          first: string;
          second: string;
          orders: number;
        }>;
        expect(new Map(pairs.map((p) => [`${p.first}|${p.second}`, p.orders]))).toEqual(
          brute.pairs(),
        );
        expect(rounded((await data('products/daily_revenue', dimension)).data)).toEqual(
          rounded(brute.dailyProductRevenue()),
        );
      });

      it('promotions: KPIs, daily series, inorganic ratio', async () => {
        const kpis = brute
          .promotionKpis()
          .sort((a, b) => b.orders - a.orders || a.promotion.localeCompare(b.promotion));
        expect(rounded((await data('promotions/kpis', dimension)).data)).toEqual(rounded(kpis));
        const daily = kpis
          .map((k) => k.promotion)
          .sort()
          .flatMap((p) => brute.promotionDaily(p));
        expect(rounded((await data('promotions/daily', dimension)).data)).toEqual(rounded(daily));
        expect(rounded((await data('promotions/inorganic_ratio_daily', dimension)).data)).toEqual(
          rounded(brute.inorganicRatio()),
        );
      });
    });
  }

  it('additive reports of the dimension values sum to all', async () => {
    const sum = async (id: ReportId, field: (row: Record<string, unknown>) => number) => {
      const totals = await Promise.all(
        CONTEXTS.map(async (d) => (await data(id, d)).data.reduce((s, row) => s + field(row), 0)),
      );
      return { all: totals[0]!, values: totals.slice(1).reduce((a, b) => a + b, 0) };
    };
    for (const [id, field] of [
      ['stats/orders_daily', (r: Record<string, unknown>) => r.orders as number],
      [
        'funnel/session_weekly',
        (r: Record<string, unknown>) => (r.counts as Record<string, number>).has_sessions!,
      ],
      ['products/daily_revenue', (r: Record<string, unknown>) => r.revenue as number],
      ['promotions/daily', (r: Record<string, unknown>) => r.discount as number],
    ] as const) {
      const { all, values } = await sum(id, field);
      expect(values).toBeCloseTo(all, 6);
      expect(all).toBeGreaterThan(0);
    }
  });
});
