import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import type { DownloadDocument, OrderDocument } from '../../../common/documents';
import type { IndexNames } from '../../../common/indices';
import { REPORT_CATALOGUE } from '../../../common/reports/catalogue';
import type { PromotionTestRow } from '../../../common/reports/abtests';
import { DAY_MS } from '../../../common/time';
import { PROMO_LIFT, PROMO_NULL } from '../../../sidecar/src/demo';
import { readLatestReport } from '../../../sidecar/src/reports/report_store';
import { runAnalyses } from '../../../sidecar/src/pipeline/run_analyses';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';
import { demoDocuments } from '../../helpers/demo_documents';
import { loadOrdersFixture } from '../../helpers/orders_fixture';

const DAYS = 90;

function demo(): { orders: OrderDocument[]; downloads: DownloadDocument[]; end: string } {
  const { generator, orders, downloads } = demoDocuments({ customers: 5_000, days: DAYS, seed: 5 });
  const end = new Date(generator.options.endMs - 1000).toISOString();
  return { orders, downloads, end };
}

/**
 * Brute force from the documents themselves: each client's purchased orders, the first one using
 * `promotion`, and the orders within 7 days before / after it, for clients whose windows fit.
 */
function bruteForce(orders: OrderDocument[], promotion: string, fromMs: number, nowMs: number) {
  const byClient = new Map<string, OrderDocument[]>();
  for (const o of orders) {
    if (!o.purchased) continue;
    byClient.set(o.client, [...(byClient.get(o.client) ?? []), o]);
  }
  const W = 7 * DAY_MS;
  let counted = 0;
  let beforeSum = 0;
  let afterSum = 0;
  for (const list of byClient.values()) {
    const first = list
      .filter((o) => o.promotion_id === promotion)
      .map((o) => Date.parse(o.session_start))
      .sort((a, b) => a - b)[0];
    if (first === undefined || first - W < fromMs || first + W > nowMs) continue;
    const times = list.map((o) => Date.parse(o.session_start));
    counted++;
    beforeSum += times.filter((t) => t >= first - W && t < first).length;
    afterSum += times.filter((t) => t > first && t <= first + W).length;
  }
  return { customers: counted, meanBefore: beforeSum / counted, meanAfter: afterSum / counted };
}

describe('the abtests stage on generated demo data', () => {
  const prefix = testPrefix('abtests');
  const { orders, downloads, end } = demo();
  let client: Client;
  let names: IndexNames;
  let dimensions: string[];
  const rows = async <T>(type: string, dimension = 'all') =>
    (await readLatestReport(client, names, 'abtests', type, dimension))!.data as T[];

  beforeAll(async () => {
    client = testClient();
    names = await loadOrdersFixture(client, prefix, { orders, downloads });
    const result = await runAnalyses(client, names, { only: ['abtests'], now: new Date(end) });
    dimensions = result.dimensions;
    expect(result.orderScans).toBe(1);
  }, 300_000);
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('writes the four reports for all and each dimension value, rows valid under the contract', async () => {
    expect(dimensions.length).toBeGreaterThan(0);
    for (const dimension of ['all', ...dimensions]) {
      for (const type of ['promotions', 'products', 'promotion_pairs', 'segment_change']) {
        const data = await rows<object>(type, dimension);
        const schema = REPORT_CATALOGUE[`abtests/${type}` as keyof typeof REPORT_CATALOGUE].row;
        for (const row of data) schema.parse(row);
        expect(data.length, `${type} ${dimension}`).toBeGreaterThan(0);
      }
    }
  });

  it('count windows equal a brute force over the documents', async () => {
    const data = await rows<PromotionTestRow>('promotions');
    const fromMs = Math.min(...orders.map((o) => Date.parse(o.session_start)));
    for (const promotion of [PROMO_LIFT, PROMO_NULL]) {
      const expected = bruteForce(orders, promotion, fromMs, Date.parse(end));
      const row = data.find((r) => r.promotion === promotion && r.metric === 'count')!;
      expect(row.n).toBe(expected.customers);
      expect(row.mean_before).toBeCloseTo(expected.meanBefore, 10);
      expect(row.mean_after).toBeCloseTo(expected.meanAfter, 10);
    }
  });

  it('finds the planted promo_lift (+25 % amount) and not promo_null', async () => {
    const data = await rows<PromotionTestRow>('promotions');
    const lift = data.find((r) => r.promotion === PROMO_LIFT && r.metric === 'amount')!;
    expect(lift.q!).toBeLessThan(0.05);
    expect(Math.abs(lift.uplift! - 0.25)).toBeLessThanOrEqual(0.1);
    expect(lift.ci_low!).toBeGreaterThan(0);
    const none = data.find((r) => r.promotion === PROMO_NULL && r.metric === 'amount')!;
    expect(none.q!).toBeGreaterThanOrEqual(0.05);
  });
});
