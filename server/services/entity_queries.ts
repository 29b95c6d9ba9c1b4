import type { estypes } from '@elastic/elasticsearch';
import type { ElasticsearchClient } from '@kbn/core/server';
import { ALL_DIMENSIONS } from '../../common/documents';
import { compositePages, type CompositePage } from '../../common/report_reading';
import { SEARCH_TYPE_FIELDS, type EntityChart, type SearchType } from '../../common/search';

type Query = estypes.QueryDslQueryContainer;
type Aggs = Record<string, estypes.AggregationsAggregationContainer>;

/** Composite pages: each re-reads the matching sessions, so they are large. */
const PAGE = 10_000;
/** Distinct unit prices of one product in one day that the revenue terms read exactly. */
const PRICE_TERMS = 10_000;

/** Sessions holding the value: on a basket line for products and categories, else on the session. */
export function holdsValue(type: SearchType, value: string): Query {
  const field = SEARCH_TYPE_FIELDS[type];
  if (field.startsWith('basket.')) {
    return { nested: { path: 'basket', query: { term: { [field]: value } } } };
  }
  return { term: { [field]: value } };
}

/** Purchased sessions (orders) of the dimension value (`all`: every one), plus `extra`. */
export function ordersOf(dimension: string, extra: Query[]): Query {
  const filter: Query[] = [{ term: { purchased: true } }, ...extra];
  if (dimension !== ALL_DIMENSIONS) filter.push({ term: { dimension } });
  return { bool: { filter } };
}

export interface OrderTotals {
  orders: number;
  revenueCents: number;
  discountCents: number;
  firstMs: number | null;
  lastMs: number | null;
}

interface ValueAgg {
  value: number | null;
}

/** Orders, summed payment and discount (integer cents, exact), first and last order. */
export async function orderTotals(
  client: ElasticsearchClient,
  index: string,
  query: Query,
): Promise<OrderTotals> {
  const response = await client.search({
    index,
    size: 0,
    track_total_hits: true,
    query,
    aggs: {
      revenue: { sum: { field: 'payment_cents' } },
      discount: { sum: { field: 'discount_cents' } },
      first: { min: { field: 'session_start' } },
      last: { max: { field: 'session_start' } },
    },
  });
  const aggs = response.aggregations as unknown as Record<
    'revenue' | 'discount' | 'first' | 'last',
    ValueAgg
  >;
  const total = response.hits.total;
  return {
    orders: typeof total === 'number' ? total : (total?.value ?? 0),
    revenueCents: aggs.revenue.value ?? 0,
    discountCents: aggs.discount.value ?? 0,
    firstMs: aggs.first.value,
    lastMs: aggs.last.value,
  };
}

/** Exact distinct clients of the matching sessions (a composite walk, not HyperLogLog). */
export async function distinctClients(
  client: ElasticsearchClient,
  index: string,
  query: Query,
): Promise<number> {
  let count = 0;
  const pages = compositePages<unknown>(async (after) => {
    const response = await client.search({
      index,
      size: 0,
      track_total_hits: false,
      query,
      aggs: {
        clients: {
          composite: {
            size: PAGE,
            sources: [{ client: { terms: { field: 'client' } } }],
            ...(after ? { after: after as Record<string, estypes.FieldValue> } : {}),
          },
        },
      },
    });
    return response.aggregations?.clients as unknown as CompositePage<unknown>;
  });
  for await (const buckets of pages) count += buckets.length;
  return count;
}

/** Distinct clients per UTC day (yyyy-mm-dd), exact, from composite (day, client) pairs. */
export async function dailyDistinctClients(
  client: ElasticsearchClient,
  index: string,
  query: Query,
): Promise<Map<string, number>> {
  const perDay = new Map<string, number>();
  const pages = compositePages<{ key: { day: string } }>(async (after) => {
    const response = await client.search({
      index,
      size: 0,
      track_total_hits: false,
      query,
      aggs: {
        pairs: {
          composite: {
            size: PAGE,
            sources: [
              {
                day: {
                  date_histogram: {
                    field: 'session_start',
                    calendar_interval: '1d',
                    format: 'yyyy-MM-dd',
                  },
                },
              },
              { client: { terms: { field: 'client' } } },
            ],
            ...(after ? { after: after as Record<string, estypes.FieldValue> } : {}),
          },
        },
      },
    });
    return response.aggregations?.pairs as unknown as CompositePage<{ key: { day: string } }>;
  });
  for await (const buckets of pages) {
    for (const b of buckets) perDay.set(b.key.day, (perDay.get(b.key.day) ?? 0) + 1);
  }
  return perDay;
}

interface DayBucket {
  key_as_string: string;
  doc_count: number;
  [sub: string]: unknown;
}

/** Daily buckets (UTC days, empty days kept) of the matching sessions with `aggs` in each. */
export async function dailyBuckets(
  client: ElasticsearchClient,
  index: string,
  query: Query,
  aggs: Aggs = {},
): Promise<DayBucket[]> {
  const response = await client.search({
    index,
    size: 0,
    track_total_hits: false,
    query,
    aggs: {
      days: {
        date_histogram: {
          field: 'session_start',
          calendar_interval: '1d',
          format: 'yyyy-MM-dd',
          min_doc_count: 0,
        },
        aggs,
      },
    },
  });
  return (response.aggregations?.days as unknown as { buckets: DayBucket[] }).buckets;
}

/**
 * Line revenue of one product or category: Σ unit price × quantity, in cents. Without scripts
 * (the integ-test distribution has none) it is read as Σ over distinct prices of price × Σ quantity.
 */
export function lineRevenueAggs(type: SearchType, value: string): Aggs {
  return {
    lines: {
      nested: { path: 'basket' },
      aggs: {
        entity: {
          filter: { term: { [SEARCH_TYPE_FIELDS[type]]: value } },
          aggs: {
            units: { sum: { field: 'basket.quantity' } },
            prices: {
              terms: { field: 'basket.price_cents', size: PRICE_TERMS },
              aggs: { quantity: { sum: { field: 'basket.quantity' } } },
            },
          },
        },
      },
    },
  };
}

interface LineAggs {
  lines: {
    entity: {
      units: ValueAgg;
      prices: {
        sum_other_doc_count: number;
        buckets: Array<{ key: number; quantity: ValueAgg }>;
      };
    };
  };
}

/** Reads lineRevenueAggs: units sold and revenue in cents. */
export function readLineRevenue(aggs: unknown): { units: number; revenueCents: number } {
  const entity = (aggs as LineAggs).lines.entity;
  if (entity.prices.sum_other_doc_count > 0) {
    throw new Error(`more than ${PRICE_TERMS} distinct unit prices: revenue would be incomplete`);
  }
  const revenueCents = entity.prices.buckets.reduce(
    (sum, b) => sum + b.key * (b.quantity.value ?? 0),
    0,
  );
  return { units: entity.units.value ?? 0, revenueCents: Math.round(revenueCents) };
}

export function chart(
  id: string,
  title: string,
  format: EntityChart['format'],
  points: EntityChart['points'],
): EntityChart {
  return { id, title, format, points };
}

export const cents = (value: number) => Math.round(value) / 100;
