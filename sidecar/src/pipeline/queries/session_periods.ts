import type { Client, estypes } from '@elastic/elasticsearch';
import type { CalendarPeriod, TimeRange } from '../../analyses/periods';
import {
  CARDINALITY_PRECISION,
  HAS_PROMOTION,
  PURCHASED,
  sub,
  type Bucket,
  type MultiBucket,
  type Query,
  type SingleBucket,
  type ValueAgg,
} from '../context';
import { PAYMENT_CENTS_SUM, centsSum } from './money';

/** What every time bucket of sessions carries: funnel counts, orders' revenue, promoted orders. */
export interface SessionBucket {
  startMs: number;
  /** step → sessions: has_sessions, each action, purchased. */
  counts: Record<string, number>;
  revenue: number;
  promoted: number;
  /** Distinct clients with a session (approximate above the precision threshold). */
  customers: number;
}

const CALENDAR: Record<CalendarPeriod, estypes.AggregationsCalendarInterval> = {
  daily: 'day',
  weekly: 'week',
  monthly: 'month',
};

/** Sub-aggregations shared by the calendar and the hourly queries. */
function bucketAggs(
  actions: readonly string[],
  withCustomers: boolean,
): Record<string, estypes.AggregationsAggregationContainer> {
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {
    purchased: {
      filter: PURCHASED,
      aggs: { revenue: PAYMENT_CENTS_SUM, promoted: { filter: HAS_PROMOTION } },
    },
  };
  actions.forEach((action, i) => {
    aggs[`action_${i}`] = { filter: { term: { [`actions.${action}`]: true } } };
  });
  if (withCustomers) {
    aggs.customers = {
      cardinality: { field: 'client', precision_threshold: CARDINALITY_PRECISION },
    };
  }
  return aggs;
}

function readBucket(bucket: Bucket, startMs: number, actions: readonly string[]): SessionBucket {
  const purchased = sub<SingleBucket>(bucket, 'purchased');
  const counts: Record<string, number> = { has_sessions: bucket.doc_count };
  actions.forEach((action, i) => {
    counts[action] = sub<SingleBucket>(bucket, `action_${i}`).doc_count;
  });
  counts.purchased = purchased.doc_count;
  return {
    startMs,
    counts,
    revenue: centsSum(purchased, 'revenue'),
    promoted: sub<SingleBucket>(purchased, 'promoted').doc_count,
    customers: bucket.customers ? ((bucket.customers as ValueAgg).value ?? 0) : 0,
  };
}

/**
 * Sessions per calendar day/week (Monday)/month in UTC, every period of the range present
 * (min_doc_count 0 + extended_bounds), with the funnel's action counts as filter sub-aggregations.
 */
export async function sessionPeriodBuckets(
  client: Client,
  index: string,
  query: Query,
  period: CalendarPeriod,
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
          calendar_interval: CALENDAR[period],
          time_zone: 'UTC',
          min_doc_count: 0,
          extended_bounds: { min: range.fromMs, max: range.nowMs },
        },
        aggs: bucketAggs(actions, period === 'weekly'),
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
  let after: Record<string, unknown> | undefined;
  do {
    const response = await client.search({
      index,
      size: 0,
      track_total_hits: false,
      query,
      aggs: {
        hours: {
          composite: {
            size: HOURLY_PAGE,
            sources: [
              { hour: { date_histogram: { field: 'session_start', fixed_interval: '1h' } } },
            ],
            ...(after ? { after: after as Record<string, estypes.FieldValue> } : {}),
          },
          aggs: bucketAggs(actions, false),
        },
      },
    });
    const hours = response.aggregations?.hours as unknown as MultiBucket;
    for (const bucket of hours.buckets) {
      const key = bucket.key as { hour: number };
      buckets.push(readBucket(bucket, key.hour, actions));
    }
    after = hours.buckets.length === HOURLY_PAGE ? hours.after_key : undefined;
  } while (after);
  return buckets;
}
