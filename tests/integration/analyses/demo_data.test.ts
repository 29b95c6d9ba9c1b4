import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import type { DownloadDocument, OrderDocument } from '../../../common/documents';
import type { IndexNames } from '../../../common/indices';
import {
  buildGroundTruth,
  DemoTally,
  generateDemo,
  toOrderDocument,
  type GroundTruth,
} from '../../../sidecar/src/demo';
import { readLatestReport } from '../../../sidecar/src/reports/report_store';
import { runAnalyses } from '../../../sidecar/src/pipeline/run_analyses';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';
import { loadOrdersFixture } from '../../helpers/orders_fixture';

/**
 * The demo generator's documents (the same ones its CSVs hold; loaded with the fixture helper so
 * this test does not depend on ingestion) and its ground truth, built the way ground-truth.json is.
 */
function demo(): { orders: OrderDocument[]; downloads: DownloadDocument[]; truth: GroundTruth } {
  const generator = generateDemo({ customers: 2_500, days: 56, seed: 5 });
  const tally = new DemoTally(generator);
  const orders: OrderDocument[] = [];
  const downloads: DownloadDocument[] = [];
  for (const block of generator.customerBlocks()) {
    tally.add(block);
    orders.push(...block.sessions.map(toOrderDocument));
    const { client, download_date, signup_date } = block.customer;
    downloads.push({ client, download_date, signup_date });
  }
  return { orders, downloads, truth: buildGroundTruth(generator, tally) };
}

describe('analyses on generated demo data find what the generator planted', () => {
  const prefix = testPrefix('analyses-demo');
  const { orders, downloads, truth } = demo();
  let client: Client;
  let names: IndexNames;
  const data = async (report: string, type: string, dimension = 'all') =>
    (await readLatestReport(client, names, report, type, dimension))!.data as Array<
      Record<string, unknown>
    >;

  beforeAll(async () => {
    client = testClient();
    names = await loadOrdersFixture(client, prefix, { orders, downloads });
    // The reference time is the end of the generated period, not its last session.
    await runAnalyses(client, names, { now: new Date(`${truth.period.end}T23:59:59Z`) });
  });
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('daily orders equal the generator’s own daily tally, and weekends sell more', async () => {
    const daily = await data('stats', 'orders_daily');
    const truthByDay = new Map(truth.sessions.daily.map((d) => [d.date, d.orders]));
    for (const row of daily) {
      if (truthByDay.has(row.period as string))
        expect(row.orders).toBe(truthByDay.get(row.period as string));
    }
    const special = new Set([truth.spike_day.date, truth.outage_day.date]);
    const weekend: number[] = [];
    const weekday: number[] = [];
    for (const row of daily) {
      if (special.has(row.period as string)) continue;
      const dow = new Date(`${row.period as string}T00:00:00Z`).getUTCDay();
      (dow === 0 || dow === 6 ? weekend : weekday).push(row.orders as number);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const uplift = mean(weekend) / mean(weekday);
    // Planted: × truth.seasonality.weekend_uplift (1.4) on Saturdays and Sundays.
    expect(uplift).toBeGreaterThan(1 + (truth.seasonality.weekend_uplift - 1) / 2);
  });

  it('the planted pairs lead the pairs report with exactly the generator’s counts', async () => {
    const pairs = await data('products', 'top_pairs');
    const key = (a: string, b: string) => [a, b].sort().join(' + ');
    const top3 = pairs.slice(0, 3).map((p) => key(p.first as string, p.second as string));
    for (const planted of truth.products.planted_pairs) {
      const name = key(planted.products[0]!, planted.products[1]!);
      expect(top3).toContain(name);
      const row = pairs.find((r) => key(r.first as string, r.second as string) === name);
      expect(row!.orders).toBe(planted.orders_with_both);
    }
  });

  it('additive reports of the dimension values sum to all', async () => {
    const dimensions = [...new Set(orders.map((o) => o.dimension!))].sort();
    expect(dimensions.length).toBe(3);
    for (const [report, type, value] of [
      ['stats', 'orders_daily', (r: Record<string, unknown>) => r.orders as number],
      ['products', 'daily_revenue', (r: Record<string, unknown>) => r.revenue as number],
      [
        'funnel',
        'session_monthly',
        (r: Record<string, unknown>) => (r.counts as Record<string, number>).has_basket!,
      ],
    ] as const) {
      const total = async (d: string) =>
        (await data(report, type, d)).reduce((s, r) => s + value(r), 0);
      const parts = await Promise.all(dimensions.map(total));
      expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(await total('all'), 4);
    }
  });
});
