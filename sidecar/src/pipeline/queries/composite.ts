import type { Client, estypes } from '@elastic/elasticsearch';
import { compositePages } from '../../../../common/report_reading';
import type { Bucket, MultiBucket, Query } from '../context';

export interface CompositeRequest {
  index: string;
  query: Query;
  /** Buckets per page (at most the cluster's search.max_buckets, 65 536 by default). */
  size: number;
  sources: Array<Record<string, estypes.AggregationsCompositeAggregationSource>>;
  aggs?: Record<string, estypes.AggregationsAggregationContainer>;
  /**
   * Parts of each bucket to send back, relative to a bucket (`key` and `after_key` always come):
   * e.g. `first.value` leaves out a date aggregation's value_as_string.
   */
  bucketFields?: string[];
}

/**
 * The pages of one composite aggregation, through the shared pager. A page shorter than `size`
 * is the last: stopping there saves a request for an empty page, which would still make
 * Elasticsearch read every matching document once more.
 */
export function compositeBuckets(
  client: Client,
  request: CompositeRequest,
): AsyncGenerator<Bucket[]> {
  const { index, query, size, sources, aggs, bucketFields } = request;
  const filterPath = bucketFields && [
    'aggregations.pages.after_key',
    ...['key', ...bucketFields].map((field) => `aggregations.pages.buckets.${field}`),
  ];
  return compositePages<Bucket>(async (after) => {
    const response = await client.search({
      index,
      size: 0,
      track_total_hits: false,
      query,
      ...(filterPath ? { filter_path: filterPath } : {}),
      aggs: {
        pages: {
          composite: {
            size,
            sources,
            ...(after ? { after: after as Record<string, estypes.FieldValue> } : {}),
          },
          ...(aggs ? { aggs } : {}),
        },
      },
    });
    // filter_path leaves out `buckets` when there are none.
    const page = (response.aggregations?.pages ?? { buckets: [] }) as unknown as MultiBucket;
    page.buckets ??= [];
    return {
      buckets: page.buckets,
      after_key: page.buckets.length === size ? page.after_key : undefined,
    };
  });
}
