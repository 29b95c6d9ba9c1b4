import type { Client, estypes } from '@elastic/elasticsearch';
import { compositePages, type CompositePage } from '../../../common/report_reading';
import { SEARCH_TYPE_FIELDS, type SearchType } from '../../../common/search';

/** Composite page size: each page re-reads the matching documents, so pages are large. */
export const VALUE_PAGE = 5_000;
/** More dimension values than this under one value would be cut off by the terms aggregation. */
const DIMENSION_TERMS = 1_000;

/** One distinct value of `orders` and the dimension values of the sessions holding it. */
export interface OrderValue {
  value: string;
  dimensions: string[];
}

interface ValueBucket {
  key: { value: string | number };
  dims?: TermsAgg;
  sessions?: { dims: TermsAgg };
}
interface TermsAgg {
  buckets: Array<{ key: string }>;
  sum_other_doc_count: number;
}

type Aggs = Record<string, estypes.AggregationsAggregationContainer>;

function compositeOver(
  field: string,
  after: Record<string, unknown> | undefined,
  dims: Aggs,
): estypes.AggregationsAggregationContainer {
  return {
    composite: {
      size: VALUE_PAGE,
      sources: [{ value: { terms: { field } } }],
      ...(after ? { after: after as Record<string, estypes.FieldValue> } : {}),
    },
    aggs: dims,
  };
}

/**
 * The distinct values of one type over every session of `orders`, in Elasticsearch's keyword
 * order (UTF-8 bytes), one composite page at a time: never all values in memory.
 */
export async function* orderValues(
  client: Client,
  ordersIndex: string,
  type: SearchType,
): AsyncGenerator<OrderValue[]> {
  const field = SEARCH_TYPE_FIELDS[type];
  const nested = field.startsWith('basket.');
  const dimsTerms: Aggs = { dims: { terms: { field: 'dimension', size: DIMENSION_TERMS } } };
  const fetchPage = async (
    after: Record<string, unknown> | undefined,
  ): Promise<CompositePage<ValueBucket>> => {
    const aggs: Aggs = nested
      ? {
          lines: {
            nested: { path: 'basket' },
            aggs: {
              values: compositeOver(field, after, {
                sessions: { reverse_nested: {}, aggs: dimsTerms },
              }),
            },
          },
        }
      : { values: compositeOver(field, after, type === 'dimension' ? {} : dimsTerms) };
    const response = await client.search({
      index: ordersIndex,
      size: 0,
      track_total_hits: false,
      ignore_unavailable: true,
      aggs,
    });
    const root = response.aggregations as Record<string, unknown> | undefined;
    const values = (
      nested ? (root?.lines as Record<string, unknown> | undefined)?.values : root?.values
    ) as CompositePage<ValueBucket> | undefined;
    return values ?? { buckets: [] };
  };
  for await (const buckets of compositePages(fetchPage)) {
    yield buckets.map((bucket) => toOrderValue(type, bucket));
  }
}

function toOrderValue(type: SearchType, bucket: ValueBucket): OrderValue {
  const value = String(bucket.key.value);
  if (type === 'dimension') return { value, dimensions: [value] };
  const dims = bucket.sessions?.dims ?? bucket.dims;
  if (dims && dims.sum_other_doc_count > 0) {
    throw new Error(
      `${type} '${value}' occurs in more than ${DIMENSION_TERMS} dimension values; the search index counts at most that many`,
    );
  }
  return { value, dimensions: (dims?.buckets ?? []).map((b) => String(b.key)) };
}

/** The values of one type already in the `search` index, in the same keyword order. */
export async function* indexedValues(
  client: Client,
  searchIndex: string,
  type: SearchType,
): AsyncGenerator<string[]> {
  const fetchPage = async (after: Record<string, unknown> | undefined) => {
    const response = await client.search({
      index: searchIndex,
      size: 0,
      track_total_hits: false,
      ignore_unavailable: true,
      query: { term: { type } },
      aggs: { values: compositeOver('value', after, {}) },
    });
    const values = response.aggregations?.values as unknown as
      CompositePage<ValueBucket> | undefined;
    return values ?? { buckets: [] };
  };
  for await (const buckets of compositePages(fetchPage)) {
    yield buckets.map((bucket) => String(bucket.key.value));
  }
}

/** Flattens pages into single items, pulling the next page only when the current one is used up. */
export async function* items<T>(pages: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const page of pages) yield* page;
}
