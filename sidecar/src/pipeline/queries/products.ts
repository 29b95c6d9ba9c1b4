import type { Client, estypes } from '@elastic/elasticsearch';
import type { TermCount } from '../../analyses/products';
import { sub, type MultiBucket, type Query, type SingleBucket, type ValueAgg } from '../context';

function termsByOrders(field: string, size: number): estypes.AggregationsAggregationContainer {
  return {
    terms: {
      field,
      size,
      // Ordering by a sub-aggregation is only approximate across shards: ask each shard for far
      // more candidates than we keep.
      shard_size: Math.max(500, size * 20),
      order: [{ orders: 'desc' }, { _key: 'asc' }],
    },
    aggs: {
      // A product on two lines of one order counts that order once.
      orders: { reverse_nested: {} },
      quantity: { sum: { field: 'basket.quantity' } },
    },
  };
}

/** Top products and categories by orders containing them (nested basket → reverse_nested). */
export async function topTerms(
  client: Client,
  index: string,
  ordersQuery: Query,
  size: number,
): Promise<{ products: TermCount[]; categories: TermCount[] }> {
  const response = await client.search({
    index,
    size: 0,
    track_total_hits: false,
    query: ordersQuery,
    aggs: {
      lines: {
        nested: { path: 'basket' },
        aggs: {
          products: termsByOrders('basket.product', size),
          categories: termsByOrders('basket.category', size),
        },
      },
    },
  });
  const lines = response.aggregations?.lines as unknown as SingleBucket;
  const read = (name: string): TermCount[] =>
    sub<MultiBucket>(lines, name).buckets.map((bucket) => ({
      name: String(bucket.key),
      orders: sub<SingleBucket>(bucket, 'orders').doc_count,
      quantity: sub<ValueAgg>(bucket, 'quantity').value ?? 0,
    }));
  return { products: read('products'), categories: read('categories') };
}
