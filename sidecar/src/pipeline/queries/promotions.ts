import type { Client } from '@elastic/elasticsearch';
import type { PromotionDay } from '../../analyses/promotions';
import type { Query, ValueAgg } from '../context';
import { compositeBuckets } from './composite';
import { PAYMENT_CENTS_SUM, DISCOUNT_CENTS_SUM, centsSum } from './money';

const PAGE = 2_000;

/**
 * Per promotion and UTC day with orders: orders, revenue, discount (composite: any number of
 * promotions). The promotions' totals are summed from these days (promotionTotalsOf); their
 * distinct customers come from the pass (promotionCustomers), where a cardinality would be
 * approximate.
 */
export async function promotionDays(
  client: Client,
  index: string,
  promotedOrders: Query,
): Promise<PromotionDay[]> {
  const days: PromotionDay[] = [];
  const pages = compositeBuckets(client, {
    index,
    query: promotedOrders,
    size: PAGE,
    sources: [
      { promotion: { terms: { field: 'promotion_id' } } },
      {
        day: {
          date_histogram: { field: 'session_start', calendar_interval: 'day', time_zone: 'UTC' },
        },
      },
    ],
    aggs: { revenue: PAYMENT_CENTS_SUM, discount: DISCOUNT_CENTS_SUM },
  });
  for await (const page of pages) {
    for (const bucket of page) {
      const key = bucket.key as { promotion: string; day: number };
      days.push({
        promotion: String(key.promotion),
        startMs: key.day,
        orders: bucket.doc_count,
        revenue: centsSum(bucket, 'revenue'),
        discount: centsSum(bucket, 'discount'),
        revenueCents: (bucket.revenue as ValueAgg).value ?? 0,
        discountCents: (bucket.discount as ValueAgg).value ?? 0,
      });
    }
  }
  return days;
}
