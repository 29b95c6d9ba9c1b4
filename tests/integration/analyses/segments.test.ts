import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../../../common/indices';
import { REPORT_CATALOGUE } from '../../../common/reports/catalogue';
import { customerProfileSchema, type CustomerProfile } from '../../../common/reports/segments';
import { segmentCustomersQuerySchema } from '../../../common/segment_customers';
import { segmentCustomers } from '../../../server/services/segment_customers_service';
import { readLatestReport } from '../../../sidecar/src/reports/report_store';
import { runAnalyses } from '../../../sidecar/src/pipeline/run_analyses';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';
import { loadOrdersFixture } from '../../helpers/orders_fixture';
import { randomFixture } from './fixture_data';

const fixture = randomFixture(5);

/** Distinct buying clients of each context, counted from the fixture rows themselves. */
function buyersPerContext(): Map<string, number> {
  const sets = new Map<string, Set<string>>([['all', new Set()]]);
  for (const order of fixture.orders) {
    if (!order.purchased) continue;
    sets.get('all')!.add(order.client);
    if (order.dimension) {
      if (!sets.has(order.dimension)) sets.set(order.dimension, new Set());
      sets.get(order.dimension)!.add(order.client);
    }
  }
  return new Map([...sets].map(([context, clients]) => [context, clients.size]));
}

describe('the segments stage: reports, and profiles in customers swapped in at completion', () => {
  const prefix = testPrefix('segments');
  let client: Client;
  let names: IndexNames;
  let firstRunId: string;

  const profiles = async () => {
    const response = await client.search<CustomerProfile>({
      index: names.customers,
      size: 10_000,
      query: { match_all: {} },
    });
    return response.hits.hits.map((hit) => ({ id: hit._id!, ...hit._source! }));
  };

  beforeAll(async () => {
    client = testClient();
    names = await loadOrdersFixture(client, prefix, fixture);
    firstRunId = (await runAnalyses(client, names)).runId;
  });
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('writes one profile per buying customer and dimension value (+ all), ids client and dimension', async () => {
    const expected = buyersPerContext();
    const docs = await profiles();
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    expect(docs).toHaveLength(total);
    for (const [context, buyers] of expected) {
      expect(
        docs.filter((d) => d.dimension === context),
        context,
      ).toHaveLength(buyers);
    }
    for (const doc of docs) {
      const { id, ...profile } = doc;
      customerProfileSchema.parse(profile);
      expect(id).toBe(`${profile.dimension}:${profile.client}`);
      expect(profile.run_id).toBe(firstRunId);
    }
  });

  it('profiles are filterable and aggregatable as Discover and Lens need them', async () => {
    const response = await client.search({
      index: names.customers,
      size: 0,
      query: {
        bool: { filter: [{ term: { dimension: 'all' } }, { range: { monetary: { gte: 0 } } }] },
      },
      aggs: {
        segments: { terms: { field: 'segment' } },
        last: { max: { field: 'last_order' } },
      },
    });
    const buckets = (response.aggregations!.segments as { buckets: Array<{ doc_count: number }> })
      .buckets;
    expect(buckets.reduce((s, b) => s + b.doc_count, 0)).toBe(buyersPerContext().get('all'));
    expect((response.aggregations!.last as { value: number }).value).toBeGreaterThan(0);
  });

  it('writes every segments report for all and each dimension value, matching its schema', async () => {
    for (const context of buyersPerContext().keys()) {
      for (const type of [
        'sizes',
        'clusters',
        'histogram',
        'scatter',
        'quality',
        'weekly',
      ] as const) {
        const report = await readLatestReport(client, names, 'segments', type, context);
        expect(report, `segments/${type} ${context}`).not.toBeNull();
        for (const row of report!.data) REPORT_CATALOGUE[`segments/${type}`].row.parse(row);
      }
      const sizes = await readLatestReport(client, names, 'segments', 'sizes', context);
      const kmeans = (sizes!.data as Array<{ scheme: string; customers: number }>).filter(
        (r) => r.scheme === 'kmeans',
      );
      expect(kmeans.reduce((s, r) => s + r.customers, 0)).toBe(buyersPerContext().get(context));
    }
  });

  it('the top customers of a segment come paged, biggest total spend first', async () => {
    const docs = (await profiles()).filter((d) => d.dimension === 'all');
    const counts = new Map<string, number>();
    for (const d of docs) counts.set(d.segment, (counts.get(d.segment) ?? 0) + 1);
    const [segment, total] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const expected = docs
      .filter((d) => d.segment === segment)
      .sort((a, b) => b.total_spend - a.total_spend || (a.client < b.client ? -1 : 1))
      .map((d) => d.client);
    const query = (page: number) =>
      segmentCustomersQuerySchema.parse({
        dimension: 'all',
        segment,
        page: String(page),
        size: '3',
      });
    const first = await segmentCustomers(client, names, query(0));
    const second = await segmentCustomers(client, names, query(1));
    expect(first.total).toBe(total);
    expect([...first.customers, ...second.customers].map((c) => c.client)).toEqual(
      expected.slice(0, 6),
    );
    expect(() => segmentCustomersQuerySchema.parse({ segment: 'Hibernating' })).toThrow(/segment/);
  });

  it('a failed run leaves the previous profiles readable and removes its staging index', async () => {
    await expect(
      runAnalyses(client, names, {
        onProgress: (event) => {
          if (event.kind === 'progress' && event.stage === 'reports' && event.done === 2) {
            throw new Error('injected failure after 2 dimension values');
          }
        },
      }),
    ).rejects.toThrow(/injected failure/);
    const docs = await profiles();
    expect(new Set(docs.map((d) => d.run_id))).toEqual(new Set([firstRunId]));
    const indices = await client.indices.get({ index: `${names.customers}-*` });
    expect(Object.keys(indices)).toEqual([`${names.customers}-${firstRunId.toLowerCase()}`]);
  });

  it('run --only segments replaces the profiles with its own, same ids', async () => {
    const before = (await profiles()).map((d) => d.id).sort();
    const rerun = await runAnalyses(client, names, { only: ['segments'] });
    const after = await profiles();
    expect(after.map((d) => d.id).sort()).toEqual(before);
    expect(new Set(after.map((d) => d.run_id))).toEqual(new Set([rerun.runId]));
    const indices = await client.indices.get({ index: `${names.customers}-*` });
    expect(Object.keys(indices)).toEqual([`${names.customers}-${rerun.runId.toLowerCase()}`]);
  });
});
