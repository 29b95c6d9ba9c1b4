import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../../../common/indices';
import { REPORT_CATALOGUE, type ReportId } from '../../../common/reports/catalogue';
import { productCategories } from '../../../sidecar/src/ml/anomaly/product_categories';
import { runAnalyses } from '../../../sidecar/src/pipeline/run_analyses';
import { readLatestReport } from '../../../sidecar/src/reports/report_store';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';
import { demoDocuments } from '../../helpers/demo_documents';
import { loadOrdersFixture } from '../../helpers/orders_fixture';

const TYPES = ['orders', 'funnel', 'cohort', 'rfm', 'list'] as const;
const CONTEXTS = ['all', 'location_1', 'location_2', 'location_3'];

/** 100 days: enough for the autoencoders (63 days; cohorts 78) and the planted spike. */
function demo() {
  const { generator, orders, downloads } = demoDocuments({ customers: 1_500, days: 100, seed: 3 });
  const endDay = new Date(generator.options.endMs - 1).toISOString().slice(0, 10);
  return { orders, downloads, endDay, spikeDay: generator.world.calendar.spikeDay };
}

describe('the anomalies stage against Elasticsearch', () => {
  const prefix = testPrefix('anomalies');
  const { orders, downloads, endDay, spikeDay } = demo();
  let client: Client;
  let names: IndexNames;
  const firstRun = new Map<string, unknown>();
  const now = new Date(`${endDay}T23:59:59Z`);

  const read = async (type: string, dimension: string) => {
    const report = await readLatestReport(client, names, 'anomalies', type, dimension);
    return report!.data as Array<Record<string, unknown>>;
  };

  beforeAll(async () => {
    client = testClient();
    names = await loadOrdersFixture(client, prefix, { orders, downloads });
    await runAnalyses(client, names, { now, only: ['anomalies'] });
    for (const type of TYPES) {
      for (const context of CONTEXTS) firstRun.set(`${type}/${context}`, await read(type, context));
    }
    await runAnalyses(client, names, { now, only: ['anomalies'] });
  }, 600_000);
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('writes every anomalies report for every context, rows valid against the contract', async () => {
    for (const type of TYPES) {
      const schema = REPORT_CATALOGUE[`anomalies/${type}` as ReportId].row;
      for (const context of CONTEXTS) {
        const rows = await read(type, context);
        rows.forEach((row) => schema.parse(row));
        if (type === 'orders') expect(rows, `${type} ${context}`).toHaveLength(100);
        if (type === 'funnel') expect(rows, `${type} ${context}`).toHaveLength(100 - 35);
        // 15 downloads a day in all; a dimension value has under 10 a day, too few to score
        const cohortDays = context === 'all' ? 100 - 15 - 35 : 0;
        if (type === 'cohort') expect(rows, `${type} ${context}`).toHaveLength(cohortDays);
        // without the CLV stage in the run there is nothing to compare per segment
        if (type === 'rfm') expect(rows, context).toEqual([]);
      }
    }
  });

  it('the list holds every anomalous point, highest score first', async () => {
    for (const context of CONTEXTS) {
      const list = await read('list', context);
      const anomalous = (
        await Promise.all(['orders', 'funnel', 'cohort'].map((t) => read(t, context)))
      )
        .flat()
        .filter((row) => row.anomalous === true);
      expect(list, context).toHaveLength(anomalous.length);
      const scores = list.map((row) => row.score as number);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('the planted spike is the top anomaly of daily orders in all', async () => {
    const rows = await read('orders', 'all');
    const top = [...rows].sort((a, b) => (b.score as number) - (a.score as number))[0]!;
    expect(top.date).toBe(rows[spikeDay]!.date);
    expect(top.anomalous).toBe(true);
    expect(top.influencer_kind).toBe('dimension');
  });

  it("each product's category is the one most of its purchased basket lines carry", async () => {
    const lines = new Map<string, Map<string, number>>();
    for (const order of orders.filter((o) => o.purchased)) {
      for (const { product, category } of order.basket ?? []) {
        const byCategory = lines.get(product) ?? new Map<string, number>();
        byCategory.set(category, (byCategory.get(category) ?? 0) + 1);
        lines.set(product, byCategory);
      }
    }
    const expected = new Map(
      [...lines].map(([product, byCategory]) => {
        const ranked = [...byCategory].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
        return [product, ranked[0]![0]];
      }),
    );
    expect(expected.size).toBeGreaterThan(10);
    expect(await productCategories(client, names.orders)).toEqual(expected);
  });

  it('two runs give identical rows', async () => {
    for (const type of TYPES) {
      for (const context of CONTEXTS) {
        expect(await read(type, context), `${type} ${context}`).toEqual(
          firstRun.get(`${type}/${context}`),
        );
      }
    }
  });
});
