import type { ElasticsearchClient } from '@kbn/core/server';
import type { IndexNames } from '../../common/indices';
import {
  SEGMENT_CUSTOMER_FIELDS,
  type SegmentCustomer,
  type SegmentCustomersQuery,
  type SegmentCustomersResponse,
} from '../../common/segment_customers';

/**
 * One page of a segment's customers from the `customers` alias (the profiles of the newest
 * complete segments run), biggest total spend first, client id breaking ties so pages are stable.
 */
export async function segmentCustomers(
  client: ElasticsearchClient,
  indices: IndexNames,
  query: SegmentCustomersQuery,
): Promise<SegmentCustomersResponse> {
  const field = query.scheme === 'kmeans' ? 'segment' : 'quintile_segment';
  const response = await client.search<SegmentCustomer>({
    index: indices.customers,
    ignore_unavailable: true,
    from: query.page * query.size,
    size: query.size,
    track_total_hits: true,
    _source: [...SEGMENT_CUSTOMER_FIELDS],
    query: {
      bool: {
        filter: [{ term: { dimension: query.dimension } }, { term: { [field]: query.segment } }],
      },
    },
    sort: [{ total_spend: 'desc' }, { client: 'asc' }],
  });
  const total = response.hits.total;
  return {
    total: typeof total === 'number' ? total : (total?.value ?? 0),
    page: query.page,
    size: query.size,
    customers: response.hits.hits.map((hit) => hit._source!),
  };
}
