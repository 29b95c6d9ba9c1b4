import type { Client, estypes } from '@elastic/elasticsearch';
import type { CustomerTableBuilder } from '../../analyses/customer_table';
import type { MultiBucket, Query, ValueAgg } from '../context';

/** Large pages: every page of a sorted scan or composite re-reads the matching documents. */
const PAGE = 50_000;

function epochMs(value: unknown): number {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === null) return NaN;
  return Number(first);
}

/**
 * Streams `downloads` (point-in-time + search_after in index order, doc values only) into the table: download,
 * signup and each dated action per customer.
 */
export async function loadDownloads(
  client: Client,
  index: string,
  actions: readonly string[],
  table: CustomerTableBuilder,
): Promise<number> {
  const pit = await client.openPointInTime({ index, keep_alive: '2m' });
  let loaded = 0;
  try {
    let after: estypes.SortResults | undefined;
    const dateFields = ['download_date', 'signup_date', ...actions.map((a) => `actions.${a}`)];
    for (;;) {
      const response = await client.search({
        pit: { id: pit.id, keep_alive: '2m' },
        size: PAGE,
        track_total_hits: false,
        _source: false,
        docvalue_fields: [
          'client',
          ...dateFields.map((field) => ({ field, format: 'epoch_millis' })),
        ],
        // Order does not matter here: the cheapest order is the point in time's own.
        sort: ['_shard_doc'],
        ...(after ? { search_after: after } : {}),
      });
      const hits = response.hits.hits;
      for (const hit of hits) {
        const fields = hit.fields ?? {};
        const clientId = String((fields.client as unknown[] | undefined)?.[0] ?? '');
        if (!clientId) continue;
        table.setDownload(
          clientId,
          epochMs(fields.download_date),
          epochMs(fields.signup_date),
          actions.map((a) => epochMs(fields[`actions.${a}`])),
        );
        loaded++;
      }
      if (hits.length < PAGE) break;
      after = hits[hits.length - 1]!.sort;
    }
  } finally {
    await client.closePointInTime({ id: pit.id }).catch(() => undefined);
  }
  return loaded;
}

/**
 * Every client's first session per dimension value (composite over client × dimension with
 * min(session_start)), for every dimension in one aggregation. Also enrols clients who never
 * bought, whom the pass over orders does not see.
 */
export async function loadFirstSessions(
  client: Client,
  index: string,
  sessions: Query,
  dimensionIndex: ReadonlyMap<string, number>,
  table: CustomerTableBuilder,
): Promise<number> {
  let after: Record<string, estypes.FieldValue> | undefined;
  let buckets = 0;
  do {
    const response = await client.search({
      index,
      size: 0,
      track_total_hits: false,
      query: sessions,
      aggs: {
        firsts: {
          composite: {
            size: PAGE,
            sources: [
              { client: { terms: { field: 'client' } } },
              { dimension: { terms: { field: 'dimension', missing_bucket: true } } },
            ],
            ...(after ? { after } : {}),
          },
          aggs: { first: { min: { field: 'session_start' } } },
        },
      },
    });
    const page = response.aggregations?.firsts as unknown as MultiBucket;
    for (const bucket of page.buckets) {
      const key = bucket.key as { client: string; dimension: string | null };
      const first = (bucket.first as ValueAgg).value;
      if (first === null) continue;
      const d = key.dimension === null ? -1 : (dimensionIndex.get(key.dimension) ?? -1);
      table.addFirstSession(String(key.client), d, first);
      buckets++;
    }
    after =
      page.buckets.length === PAGE
        ? (page.after_key as Record<string, estypes.FieldValue>)
        : undefined;
  } while (after);
  return buckets;
}
