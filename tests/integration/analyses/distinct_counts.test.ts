import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import type { OrderDocument } from '../../../common/documents';
import type { IndexNames } from '../../../common/indices';
import { readLatestReport } from '../../../sidecar/src/reports/report_store';
import { runAnalyses } from '../../../sidecar/src/pipeline/run_analyses';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';
import { loadOrdersFixture } from '../../helpers/orders_fixture';
import { BruteForce } from './brute_force';

/**
 * 6,000 clients whose ids HyperLogLog miscounts: Elasticsearch's `cardinality` (at the
 * precision_threshold the reports used, 40 000) says 6,001 for them, as checked below so that
 * this test fails if the data stops colliding. Every client has a promoted order in the first
 * week and a session in the last 7 days (the third week); every third one a session in the
 * previous 7 days; clients alternate between dimensions x and y, and every fifth one switches
 * dimension in the last week, so `all` must count each client once across both.
 */
const CLIENTS = 6_000;
const DAY = 86_400_000;
const WEEK1 = Date.UTC(2025, 2, 3); // Monday 2025-03-03

function fixture(): { orders: OrderDocument[]; downloads: [] } {
  const orders: OrderDocument[] = [];
  const add = (client: string, atMs: number, dimension: string, promotion: string | null) => {
    const purchased = promotion !== null;
    orders.push({
      session_id: `${client}-${orders.length}`,
      client,
      session_start: new Date(atMs).toISOString(),
      purchased,
      payment_amount: purchased ? 10 : 0,
      discount_amount: purchased ? 1 : 0,
      promotion_id: promotion,
      dimension,
      actions: { has_sessions: true, purchased },
    });
  };
  for (let i = 0; i < CLIENTS; i++) {
    const client = `v${String(i).padStart(5, '0')}`;
    const home = i % 2 === 0 ? 'x' : 'y';
    const other = home === 'x' ? 'y' : 'x';
    const hour = (i % 20) * 3_600_000;
    add(client, WEEK1 + (i % 7) * DAY + hour, home, 'P');
    if (i % 3 === 0) add(client, WEEK1 + 7 * DAY + (i % 7) * DAY + hour, home, null);
    add(client, WEEK1 + 14 * DAY + (i % 7) * DAY + hour, i % 5 === 0 ? other : home, null);
  }
  return { orders, downloads: [] };
}

const data = fixture();

describe('distinct customers are exact on data HyperLogLog miscounts', () => {
  const prefix = testPrefix('analyses-distinct');
  let client: Client;
  let names: IndexNames;
  const report = async (id: string, dimension: string) => {
    const [name, type] = id.split('/') as [string, string];
    const document = await readLatestReport(client, names, name, type, dimension);
    if (!document) throw new Error(`no ${id} for ${dimension}`);
    return document.data;
  };
  const cardinality = async (filter: object[]): Promise<number> => {
    const response = await client.search({
      index: names.orders,
      size: 0,
      query: { bool: { filter } },
      aggs: { clients: { cardinality: { field: 'client', precision_threshold: 40_000 } } },
    });
    return (response.aggregations?.clients as { value: number }).value;
  };

  beforeAll(async () => {
    client = testClient();
    names = await loadOrdersFixture(client, prefix, data);
    await runAnalyses(client, names, { only: ['kpis', 'stats', 'promotions'] });
  }, 120_000);
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('the data collides: cardinality is off for all sessions, the last week and promotion P', async () => {
    const lastWeek = {
      range: { session_start: { gte: WEEK1 + 14 * DAY, format: 'epoch_millis' } },
    };
    expect(await cardinality([])).not.toBe(CLIENTS);
    expect(await cardinality([lastWeek])).not.toBe(CLIENTS);
    expect(await cardinality([{ term: { promotion_id: 'P' } }])).not.toBe(CLIENTS);
  });

  for (const dimension of ['all', 'x', 'y']) {
    const brute = new BruteForce(data, dimension, []);

    it(`${dimension}: KPI visitors (total, last 7 days, previous 7 days)`, async () => {
      const rows = (await report('kpis/overall', dimension)) as Array<Record<string, unknown>>;
      const expected = brute.kpis().find((row) => row.metric === 'visitors');
      expect(rows.find((row) => row.metric === 'visitors')).toEqual(expected);
      if (dimension === 'all') {
        expect(expected).toMatchObject({ total: 6_000, last7: 6_000, previous7: 2_000 });
      }
    });

    it(`${dimension}: distinct customers per week`, async () => {
      expect(await report('stats/sessions_per_customer_weekly', dimension)).toEqual(
        brute.weeklyPerCustomer('sessions'),
      );
    });

    it(`${dimension}: distinct customers of promotion P`, async () => {
      const rows = (await report('promotions/kpis', dimension)) as Array<{ customers: number }>;
      expect(rows.map((row) => row.customers)).toEqual(
        brute.promotionKpis().map((row) => row.customers),
      );
    });
  }
});
