import type { Client, estypes } from '@elastic/elasticsearch';
import type { PromotionKpiRow } from '../../../../common/reports/promotions';
import type { PromotionDay } from '../../analyses/promotions';
import {
  CARDINALITY_PRECISION,
  sub,
  type MultiBucket,
  type Query,
  type ValueAgg,
} from '../context';
import { PAYMENT_CENTS_SUM, DISCOUNT_CENTS_SUM, centsSum } from './money';

const PAGE = 2_000;

/** Per promotion: orders, revenue, discount, distinct customers (composite: any number of them). */
export async function promotionTotals(
  client: Client,
  index: string,
  promotedOrders: Query,
): Promise<PromotionKpiRow[]> {
  const rows: PromotionKpiRow[] = [];
  let after: Record<string, estypes.FieldValue> | undefined;
  do {
    const response = await client.search({
      index,
      size: 0,
      track_total_hits: false,
      query: promotedOrders,
      aggs: {
        promotions: {
          composite: {
            size: PAGE,
            sources: [{ promotion: { terms: { field: 'promotion_id' } } }],
            ...(after ? { after } : {}),
          },
          aggs: {
            revenue: PAYMENT_CENTS_SUM,
            discount: DISCOUNT_CENTS_SUM,
            customers: {
              cardinality: { field: 'client', precision_threshold: CARDINALITY_PRECISION },
            },
          },
        },
      },
    });
    const page = response.aggregations?.promotions as unknown as MultiBucket;
    for (const bucket of page.buckets) {
      rows.push({
        promotion: String((bucket.key as { promotion: string }).promotion),
        orders: bucket.doc_count,
        revenue: centsSum(bucket, 'revenue'),
        discount: centsSum(bucket, 'discount'),
        customers: sub<ValueAgg>(bucket, 'customers').value ?? 0,
      });
    }
    after =
      page.buckets.length === PAGE
        ? (page.after_key as Record<string, estypes.FieldValue>)
        : undefined;
  } while (after);
  return rows;
}

/** Per promotion and UTC day with orders: orders, revenue, discount. */
export async function promotionDays(
  client: Client,
  index: string,
  promotedOrders: Query,
): Promise<PromotionDay[]> {
  const days: PromotionDay[] = [];
  let after: Record<string, estypes.FieldValue> | undefined;
  do {
    const response = await client.search({
      index,
      size: 0,
      track_total_hits: false,
      query: promotedOrders,
      aggs: {
        days: {
          composite: {
            size: PAGE,
            sources: [
              { promotion: { terms: { field: 'promotion_id' } } },
              {
                day: {
                  date_histogram: {
                    field: 'session_start',
                    calendar_interval: 'day',
                    time_zone: 'UTC',
                  },
                },
              },
            ],
            ...(after ? { after } : {}),
          },
          aggs: {
            revenue: PAYMENT_CENTS_SUM,
            discount: DISCOUNT_CENTS_SUM,
          },
        },
      },
    });
    const page = response.aggregations?.days as unknown as MultiBucket;
    for (const bucket of page.buckets) {
      const key = bucket.key as { promotion: string; day: number };
      days.push({
        promotion: String(key.promotion),
        startMs: key.day,
        orders: bucket.doc_count,
        revenue: centsSum(bucket, 'revenue'),
        discount: centsSum(bucket, 'discount'),
      });
    }
    after =
      page.buckets.length === PAGE
        ? (page.after_key as Record<string, estypes.FieldValue>)
        : undefined;
  } while (after);
  return days;
}
