import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import type { FastifyInstance } from 'fastify';
import type { IndexNames } from '../../../common/indices';
import type { SearchResponse } from '../../../common/search';
import { runAnalyses } from '../../../sidecar/src/pipeline/run_analyses';
import { readLatestReport } from '../../../server/services/reports_service';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';
import { startTestHost } from '../../helpers/host';
import { loadOrdersFixture } from '../../helpers/orders_fixture';
import { SEARCH_ORDERS, order } from './search_fixture';

async function indexRows(client: Client, names: IndexNames, dimension = 'all') {
  const latest = await readLatestReport(client as never, names, 'search', 'index', dimension);
  if (!latest.found) throw new Error(`no search/index report for ${dimension}`);
  return latest.report.data;
}

/** The search sync's lines in a run's log: what the run added to or removed from the index. */
async function searchLog(client: Client, names: IndexNames, runId: string): Promise<string[]> {
  const found = await client.search<{ logs: Array<{ message: string }> }>({
    index: names.runs,
    query: { term: { run_id: runId } },
  });
  const logs = found.hits.hits[0]?._source?.logs ?? [];
  return logs.map((line) => line.message).filter((message) => message.startsWith('search index:'));
}

describe('search index and GET search', () => {
  const prefix = testPrefix('search-index');
  let client: Client;
  let names: IndexNames;
  let app: FastifyInstance;
  let firstRun: string;

  const search = async (query: string) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/customer_analytics/search?${query}`,
    });
    return { status: response.statusCode, body: response.json() };
  };
  const hits = async (q: string, type?: string) => {
    const params = new URLSearchParams({ q, ...(type ? { type } : {}) });
    const { status, body } = await search(params.toString());
    expect(status).toBe(200);
    return (body as SearchResponse).hits;
  };

  beforeAll(async () => {
    client = testClient();
    names = await loadOrdersFixture(client, prefix, { orders: SEARCH_ORDERS, downloads: [] });
    firstRun = (await runAnalyses(client, names, { only: ['search'] })).runId;
    app = await startTestHost(client, prefix);
  });

  afterAll(async () => {
    await app?.close();
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('indexes each distinct value of each type once and counts them per dimension', async () => {
    expect(await indexRows(client, names)).toEqual([
      { type: 'product', values: 4 },
      { type: 'category', values: 4 },
      { type: 'client', values: 4 },
      { type: 'promotion', values: 2 },
      { type: 'dimension', values: 2 },
    ]);
    expect(await searchLog(client, names, firstRun)).toEqual([
      'search index: 16 added (product 4, category 4, client 4, promotion 2, dimension 2), 0 removed',
    ]);
    expect(await indexRows(client, names, 'south')).toEqual([
      { type: 'product', values: 2 },
      { type: 'category', values: 2 },
      { type: 'client', values: 2 },
      { type: 'promotion', values: 1 },
      { type: 'dimension', values: 1 },
    ]);
  });

  it('ranks the exact value first, then the same value up to case', async () => {
    const found = await hits('choco');
    expect(found[0]).toEqual({ type: 'product', value: 'choco', score: 1, exact: true });
    const upper = await hits('CHOCO');
    expect(upper[0]).toMatchObject({ value: 'choco', exact: true });
  });

  it('finds a client from an id with one character wrong, above its one-off neighbours', async () => {
    const found = await hits('C0098766', 'client');
    expect(found[0]).toMatchObject({ type: 'client', value: 'C0098765', exact: false });
    expect(found.every((h) => h.type === 'client')).toBe(true);
  });

  it('finds a product from a prefix, a typo, and without its accents', async () => {
    expect((await hits('Chocol', 'product'))[0]!.value).toBe('Chocolate');
    expect((await hits('Chocolaet', 'product'))[0]!.value).toBe('Chocolate');
    expect((await hits('creme brulee'))[0]).toMatchObject({ value: 'Crème brûlée', exact: true });
    expect((await hits('creme brule'))[0]).toMatchObject({ value: 'Crème brûlée', exact: false });
  });

  it('finds a promotion code and a dimension value, each with its type', async () => {
    expect((await hits('spring 25'))[0]).toMatchObject({ type: 'promotion', value: 'SPRING-25' });
    expect((await hits('sout'))[0]).toMatchObject({ type: 'dimension', value: 'south' });
  });

  it('answers 400 in Kibana shape for bad input', async () => {
    for (const query of [
      'q=',
      'q=milk&type=shop',
      `q=${'x'.repeat(201)}`,
      'q=a%00b',
      'q=a&extra=1',
    ]) {
      const { status, body } = await search(query);
      expect(status, query).toBe(400);
      expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(typeof body.message).toBe('string');
    }
  });

  it('writes nothing when nothing changed, then only the values first seen since', async () => {
    const unchanged = await runAnalyses(client, names, { only: ['search'] });
    expect(await searchLog(client, names, unchanged.runId)).toEqual([
      'search index: 0 added, 0 removed',
    ]);
    const before = await client.count({ index: names.search });
    await loadOrdersFixture(client, prefix, {
      orders: [
        order('s6', 'C0012399', { product: 'Chocolate', promotion: 'AUTUMN', dimension: 'east' }),
      ],
      downloads: [],
    });
    const grown = await runAnalyses(client, names, { only: ['search'] });
    expect((await indexRows(client, names)).map((r) => [r.type, r.values])).toEqual([
      ['product', 4],
      ['category', 4],
      ['client', 5],
      ['promotion', 3],
      ['dimension', 3],
    ]);
    expect(await searchLog(client, names, grown.runId)).toEqual([
      'search index: 3 added (client 1, promotion 1, dimension 1), 0 removed',
    ]);
    const after = await client.count({ index: names.search });
    expect(after.count - before.count).toBe(3);
    const firstSeen = await client.search({
      index: names.search,
      size: 10,
      query: { terms: { value: ['C0012399', 'AUTUMN', 'east', 'C0012345'] } },
      _source: ['value', 'run_id'],
    });
    const runs = new Set(firstSeen.hits.hits.map((h) => (h._source as { run_id: string }).run_id));
    expect(runs.size).toBe(2);
    expect((await hits('C0012398'))[0]).toMatchObject({ value: 'C0012399' });
  });
});
