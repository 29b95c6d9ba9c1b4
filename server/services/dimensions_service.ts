import type { ElasticsearchClient } from '@kbn/core/server';
import { ALL_DIMENSIONS } from '../../common/documents';
import type { IndexNames } from '../../common/indices';

/** More dimension values than a filter can usefully list; the sidecar warns well before this. */
const MAX_DIMENSIONS = 1_000;

/** `all`, then every distinct `orders.dimension` value in alphabetical order. */
export async function listDimensions(
  client: ElasticsearchClient,
  indices: IndexNames,
): Promise<string[]> {
  const response = await client.search<
    unknown,
    { values: { buckets: Array<{ key: string | number }> } }
  >({
    index: indices.orders,
    // Nothing ingested yet is not an error for a filter: it just offers `all`.
    ignore_unavailable: true,
    size: 0,
    aggs: {
      values: { terms: { field: 'dimension', size: MAX_DIMENSIONS, order: { _key: 'asc' } } },
    },
  });
  const values = (response.aggregations?.values.buckets ?? [])
    .map((bucket) => String(bucket.key))
    .filter((value) => value !== ALL_DIMENSIONS);
  return [ALL_DIMENSIONS, ...values];
}
