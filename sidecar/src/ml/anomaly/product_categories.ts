import type { Client, estypes } from '@elastic/elasticsearch';
import { compositePages } from '../../../../common/report_reading';

/** (product, category) pairs per page: a shop has thousands of products, not millions. */
const PAGE = 10_000;

interface PairBucket {
  key: { product: string; category: string };
  doc_count: number;
}

/**
 * Each product's category, from the basket lines of purchased orders (the pass records products,
 * not categories): one nested composite over (product, category) pairs, streamed. A product sold
 * under several categories takes the one with the most lines (on a tie, the first by name).
 */
export async function productCategories(
  client: Client,
  ordersIndex: string,
): Promise<Map<string, string>> {
  const best = new Map<string, { category: string; lines: number }>();
  const pages = compositePages<PairBucket>(async (after) => {
    const response = await client.search({
      index: ordersIndex,
      size: 0,
      track_total_hits: false,
      query: { term: { purchased: true } },
      aggs: {
        lines: {
          nested: { path: 'basket' },
          aggs: {
            pairs: {
              composite: {
                size: PAGE,
                sources: [
                  { product: { terms: { field: 'basket.product' } } },
                  { category: { terms: { field: 'basket.category' } } },
                ],
                ...(after ? { after: after as Record<string, estypes.FieldValue> } : {}),
              },
            },
          },
        },
      },
    });
    const pairs = (
      response.aggregations as
        | { lines?: { pairs?: { buckets: PairBucket[]; after_key?: Record<string, unknown> } } }
        | undefined
    )?.lines?.pairs;
    return { buckets: pairs?.buckets ?? [], after_key: pairs?.after_key };
  });
  for await (const buckets of pages) {
    for (const { key, doc_count } of buckets) {
      const current = best.get(key.product);
      if (!current || doc_count > current.lines) {
        best.set(key.product, { category: key.category, lines: doc_count });
      }
    }
  }
  return new Map([...best].map(([product, { category }]) => [product, category]));
}
