import type { Client } from '@elastic/elasticsearch';
import { compareCodePoints, countMissing } from './basket_join';

const PAGE = 10_000;

/**
 * Every distinct value of a keyword field with its document count, in Elasticsearch's term order
 * (UTF-8 bytes = code points), paged with a composite aggregation: bounded memory at any size.
 */
export async function* termCounts(
  client: Client,
  index: string,
  field: string,
): AsyncGenerator<{ key: string; count: number }> {
  let after: Record<string, string> | undefined;
  for (;;) {
    const response = await client.search({
      index,
      size: 0,
      aggs: {
        terms: {
          composite: {
            size: PAGE,
            sources: [{ key: { terms: { field } } }],
            ...(after ? { after } : {}),
          },
        },
      },
    });
    const terms = response.aggregations?.terms as
      | { buckets: Array<{ key: { key: string }; doc_count: number }>; after_key?: { key: string } }
      | undefined;
    for (const bucket of terms?.buckets ?? []) yield { key: bucket.key.key, count: bucket.doc_count };
    if (!terms?.after_key || terms.buckets.length < PAGE) return;
    after = terms.after_key;
  }
}

async function* keysOf(terms: AsyncIterable<{ key: string }>): AsyncGenerator<string> {
  for await (const term of terms) yield term.key;
}

/**
 * Sessions whose client has no customer document, counted per session: the clients of `orders`
 * (with their session counts) merged against the clients of `downloads`, both read back from the
 * freshly loaded (refreshed) indices, so nothing needs to be kept while loading.
 */
export function countSessionsWithoutCustomer(
  client: Client,
  orders: string,
  downloads: string,
): Promise<number> {
  return countMissing(
    termCounts(client, orders, 'client'),
    keysOf(termCounts(client, downloads, 'client')),
    compareCodePoints,
  );
}
