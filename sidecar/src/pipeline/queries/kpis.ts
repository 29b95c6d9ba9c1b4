import type { Client } from '@elastic/elasticsearch';
import type { KpiValues, KpiWindows } from '../../analyses/kpis';
import { PURCHASED, sub, type Query, type SingleBucket, type ValueAgg } from '../context';
import { PAYMENT_CENTS_SUM, DISCOUNT_CENTS_SUM, centsSum } from './money';

function windowRange(window: { fromMs: number; toMs: number }): Query {
  return {
    range: { session_start: { gte: window.fromMs, lt: window.toMs, format: 'epoch_millis' } },
  };
}

/** The KPIs the aggregation gives; visitors come from the first-sessions composites (exact). */
export type OrderKpiValues = Omit<KpiValues, 'visitors'>;

/** Orders, revenue and discount over orders, per window. */
export async function kpiValues(
  client: Client,
  index: string,
  query: Query,
  windows: KpiWindows,
): Promise<{ total: OrderKpiValues; last7: OrderKpiValues; previous7: OrderKpiValues }> {
  const response = await client.search({
    index,
    size: 0,
    track_total_hits: false,
    query,
    aggs: {
      windows: {
        filters: {
          filters: {
            total: { match_all: {} },
            last7: windowRange(windows.last7),
            previous7: windowRange(windows.previous7),
          },
        },
        aggs: {
          orders: {
            filter: PURCHASED,
            aggs: {
              revenue: PAYMENT_CENTS_SUM,
              discount: DISCOUNT_CENTS_SUM,
              with_cents: { value_count: { field: 'payment_cents' } },
            },
          },
        },
      },
    },
  });
  const buckets = (
    response.aggregations?.windows as unknown as { buckets: Record<string, SingleBucket> }
  ).buckets;
  const read = (name: string): OrderKpiValues => {
    const bucket = buckets[name]!;
    const orders = sub<SingleBucket>(bucket, 'orders');
    return {
      orders: orders.doc_count,
      revenue: centsSum(orders, 'revenue'),
      discount: centsSum(orders, 'discount'),
    };
  };
  assertCents(sub<SingleBucket>(buckets.total!, 'orders'), index);
  return { total: read('total'), last7: read('last7'), previous7: read('previous7') };
}

/**
 * Orders loaded before money was stored in cents have no payment_cents: every sum would silently
 * be 0. Say so instead (one ingest rewrites them all).
 */
function assertCents(orders: SingleBucket, index: string): void {
  const withCents = sub<ValueAgg>(orders, 'with_cents').value ?? 0;
  if (withCents < orders.doc_count) {
    throw new Error(
      `${orders.doc_count - withCents} of ${orders.doc_count} orders in ${index} have no payment_cents (loaded by an older version): run 'customer-analytics ingest' again, then the analyses`,
    );
  }
}
