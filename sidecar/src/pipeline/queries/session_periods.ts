import type { Client, estypes } from '@elastic/elasticsearch';
import type { PeriodIndex, TimeRange } from '../../analyses/periods';
import {
  HAS_PROMOTION,
  PURCHASED,
  sub,
  type Bucket,
  type MultiBucket,
  type Query,
  type SingleBucket,
  type ValueAgg,
} from '../context';
import { compositeBuckets } from './composite';
import { DISCOUNT_CENTS_SUM, PAYMENT_CENTS_SUM, centsSum } from './money';

/** What every time bucket of sessions carries: funnel counts, orders' revenue, promoted orders. */
export interface SessionBucket {
  startMs: number;
  /** step → sessions: has_sessions, each action, purchased. */
  counts: Record<string, number>;
  /** Revenue in currency units (revenueCents / 100, divided once). */
  revenue: number;
  revenueCents: number;
  /** Calendar buckets only (0 in hourly ones): discount, and orders that carry payment_cents. */
  discountCents: number;
  ordersWithCents: number;
  promoted: number;
}

/** Sub-aggregations shared by the calendar and the hourly queries. */
function bucketAggs(
  actions: readonly string[],
  calendar: boolean,
): Record<string, estypes.AggregationsAggregationContainer> {
  const money: Record<string, estypes.AggregationsAggregationContainer> = calendar
    ? { discount: DISCOUNT_CENTS_SUM, with_cents: { value_count: { field: 'payment_cents' } } }
    : {};
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {
    purchased: {
      filter: PURCHASED,
      aggs: { revenue: PAYMENT_CENTS_SUM, promoted: { filter: HAS_PROMOTION }, ...money },
    },
  };
  actions.forEach((action, i) => {
    aggs[`action_${i}`] = { filter: { term: { [`actions.${action}`]: true } } };
  });
  return aggs;
}

function readBucket(bucket: Bucket, startMs: number, actions: readonly string[]): SessionBucket {
  const purchased = sub<SingleBucket>(bucket, 'purchased');
  const counts: Record<string, number> = { has_sessions: bucket.doc_count };
  actions.forEach((action, i) => {
    counts[action] = sub<SingleBucket>(bucket, `action_${i}`).doc_count;
  });
  counts.purchased = purchased.doc_count;
  const value = (name: string) => (purchased[name] as ValueAgg | undefined)?.value ?? 0;
  return {
    startMs,
    counts,
    revenue: centsSum(purchased, 'revenue'),
    revenueCents: value('revenue'),
    discountCents: value('discount'),
    ordersWithCents: value('with_cents'),
    promoted: sub<SingleBucket>(purchased, 'promoted').doc_count,
  };
}

/**
 * Buckets summed into the periods of `periods` (every period present), money in cents until the
 * one division: weeks and months from days, since UTC days nest in both.
 */
export function rollUp(buckets: readonly SessionBucket[], periods: PeriodIndex): SessionBucket[] {
  const rolled = periods.starts.map<SessionBucket>((startMs) => ({
    startMs,
    counts: {},
    revenue: 0,
    revenueCents: 0,
    discountCents: 0,
    ordersWithCents: 0,
    promoted: 0,
  }));
  for (const bucket of buckets) {
    const into = rolled[periods.indexOf(bucket.startMs)];
    if (!into) continue;
    for (const [step, n] of Object.entries(bucket.counts)) {
      into.counts[step] = (into.counts[step] ?? 0) + n;
    }
    into.revenueCents += bucket.revenueCents;
    into.discountCents += bucket.discountCents;
    into.ordersWithCents += bucket.ordersWithCents;
    into.promoted += bucket.promoted;
  }
  for (const bucket of rolled) bucket.revenue = bucket.revenueCents / 100;
  return rolled;
}

/**
 * Sessions per UTC day, every day of the range present (min_doc_count 0 + extended_bounds), with
 * the funnel's action counts as filter sub-aggregations; weeks and months are rolled up from it
 * (rollUp) rather than asked for, each request reading every session of the context.
 */
export async function sessionDayBuckets(
  client: Client,
  index: string,
  query: Query,
  range: TimeRange,
  actions: readonly string[],
): Promise<SessionBucket[]> {
  const response = await client.search({
    index,
    size: 0,
    track_total_hits: false,
    query,
    aggs: {
      periods: {
        date_histogram: {
          field: 'session_start',
          calendar_interval: 'day',
          time_zone: 'UTC',
          min_doc_count: 0,
          extended_bounds: { min: range.fromMs, max: range.nowMs },
        },
        aggs: bucketAggs(actions, true),
      },
    },
  });
  const periods = response.aggregations?.periods as unknown as MultiBucket;
  return periods.buckets.map((bucket) => readBucket(bucket, bucket.key as number, actions));
}

const HOURLY_PAGE = 2_000;

/**
 * Sessions per clock hour over the whole range, paged with a composite aggregation so a long
 * range never hits the cluster's bucket limit. Hours without sessions are simply absent: the
 * hour-of-day means divide by the number of days anyway.
 */
export async function sessionHourBuckets(
  client: Client,
  index: string,
  query: Query,
  actions: readonly string[],
): Promise<SessionBucket[]> {
  const buckets: SessionBucket[] = [];
  const pages = compositeBuckets(client, {
    index,
    query,
    size: HOURLY_PAGE,
    sources: [{ hour: { date_histogram: { field: 'session_start', fixed_interval: '1h' } } }],
    aggs: bucketAggs(actions, false),
  });
  for await (const page of pages) {
    for (const bucket of page) {
      const key = bucket.key as { hour: number };
      buckets.push(readBucket(bucket, key.hour, actions));
    }
  }
  return buckets;
}
