import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Client } from '@elastic/elasticsearch';
import { indexNames } from '../../../common/indices';
import { ensureIndices } from '../../../sidecar/src/es/templates';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';
import { seedReportRun, startTestHost } from '../../helpers/host';

/** Hand-written report rows; the route must hand them back untouched. */
const KPIS_ALL = [
  { metric: 'orders', total: 120, last7: 30, previous7: 24, change: 6, change_pct: 25 },
  { metric: 'revenue', total: 5400.5, last7: 1200, previous7: 1500, change: -300, change_pct: -20 },
  { metric: 'visitors', total: 80, last7: 40, previous7: 0, change: 40, change_pct: null },
  { metric: 'discount', total: 210.25, last7: 10, previous7: 10, change: 0, change_pct: 0 },
];
const KPIS_NORTH = [
  { metric: 'orders', total: 70, last7: 18, previous7: 12, change: 6, change_pct: 50 },
];
const DAILY_ALL = [
  { period: '2025-03-01', orders: 4 },
  { period: '2025-03-02', orders: 7 },
];

describe('GET /api/customer_analytics/reports/{report}/{type}', () => {
  const prefix = testPrefix('report-routes');
  const names = indexNames(prefix);
  let client: Client;
  let app: FastifyInstance;
  let olderRunId: string;
  let newestRunId: string;

  beforeAll(async () => {
    client = testClient();
    await ensureIndices(client, { prefix });
    olderRunId = await seedReportRun(client, names, [
      { report: 'kpis', type: 'overall', dimension: 'all', data: [{ ...KPIS_ALL[0], total: 1 }] },
    ]);
    newestRunId = await seedReportRun(client, names, [
      { report: 'kpis', type: 'overall', dimension: 'all', data: KPIS_ALL },
      { report: 'kpis', type: 'overall', dimension: 'north', data: KPIS_NORTH },
      { report: 'stats', type: 'orders_daily', dimension: 'all', data: DAILY_ALL },
    ]);
    // A newer run that has not completed must stay invisible.
    await seedReportRun(
      client,
      names,
      [{ report: 'kpis', type: 'overall', dimension: 'all', data: [] }],
      { complete: false },
    );
    app = await startTestHost(client, prefix);
  });

  afterAll(async () => {
    await app?.close();
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('answers the report of the newest complete run for dimension all by default', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/customer_analytics/reports/kpis/overall',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(newestRunId).not.toBe(olderRunId);
    expect(body).toMatchObject({
      report: 'kpis',
      type: 'overall',
      dimension: 'all',
      run_id: newestRunId,
      rows: 4,
      data: KPIS_ALL,
    });
    expect(Date.parse(body.created_at)).not.toBeNaN();
  });

  it('answers the requested dimension', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/customer_analytics/reports/kpis/overall?dimension=north',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ dimension: 'north', data: KPIS_NORTH });
  });

  it('serves every catalogued report the same way', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/customer_analytics/reports/stats/orders_daily',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toEqual(DAILY_ALL);
  });

  it('rejects a report that is not in the catalogue with 400 and names the known ones', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/customer_analytics/reports/kpis/nonsense',
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.statusCode).toBe(400);
    expect(body.error).toBe('Bad Request');
    expect(body.message).toMatch(
      /^\[request params\]: unknown report; known reports: .*kpis\/overall/,
    );
  });

  it('rejects an empty dimension with 400', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/customer_analytics/reports/kpis/overall?dimension=',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe(
      '[request query]: [dimension]: dimension must not be empty',
    );
  });

  it('rejects unknown query parameters with 400', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/customer_analytics/reports/kpis/overall?dimenison=north',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/^\[request query\]: .*dimenison/);
  });

  it('answers 404 when the dimension has no report in the newest run, without its internal run id', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/customer_analytics/reports/stats/orders_daily?dimension=north',
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: `report stats/orders_daily for dimension 'north': not in the newest complete analyses run (unknown dimension, or no data for it).`,
    });
    expect(response.body).not.toContain(newestRunId);
  });
});

describe('GET reports before any analyses run', () => {
  let client: Client;
  const prefixes: string[] = [];

  beforeAll(() => {
    client = testClient();
  });

  afterAll(async () => {
    for (const prefix of prefixes) await dropPrefix(client, prefix);
    await client.close();
  });

  it('answers 404 with what to do when no run has completed', async () => {
    const prefix = testPrefix('report-routes-no-run');
    prefixes.push(prefix);
    await ensureIndices(client, { prefix });
    const app = await startTestHost(client, prefix);
    const response = await app.inject({
      method: 'GET',
      url: '/api/customer_analytics/reports/kpis/overall',
    });
    await app.close();
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toBe(
      "report kpis/overall for dimension 'all': no analyses run has completed yet. Run `customer-analytics run` first.",
    );
  });

  it('answers 404, not 500, when the indices do not exist at all', async () => {
    const prefix = testPrefix('report-routes-no-indices');
    const app = await startTestHost(client, prefix);
    const response = await app.inject({
      method: 'GET',
      url: '/api/customer_analytics/reports/kpis/overall',
    });
    await app.close();
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toBe(
      "report kpis/overall for dimension 'all': no data yet. Run the Customer Analytics sidecar to ingest and analyse.",
    );
  });
});
