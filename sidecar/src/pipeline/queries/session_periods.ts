import type { Client, estypes } from '@elastic/elasticsearch';
import type { CalendarPeriod, TimeRange } from '../../analyses/periods';
import {
  HAS_PROMOTION,
  PURCHASED,
  sub,
  type Bucket,
  type MultiBucket,
  type Query,
  type SingleBucket,
} from '../context';
import { compositeBuckets } from './composite';
import { PAYMENT_CENTS_SUM, centsSum } from './money';

/** What every time bucket of sessions carries: funnel counts, orders' revenue, promoted orders. */
export interface SessionBucket {
  startMs: number;
  /** step → sessions: has_sessions, each action, purchased. */
  counts: Record<string, number>;
  revenue: number;
  promoted: number;
}

const CALENDAR: Record<CalendarPeriod, estypes.AggregationsCalendarInterval> = {
  daily: 'day',
  weekly: 'week',
  monthly: 'month',
};

/** Sub-aggregations shared by the calendar and the hourly queries. */
function bucketAggs(
  actions: readonly string[],
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
        aggs: bucketAggs(actions),
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
    aggs: bucketAggs(actions),
  });
  for await (const page of pages) {
    for (const bucket of page) {
      const key = bucket.key as { hour: number };
      buckets.push(readBucket(bucket, key.hour, actions));
    }
  }
  return buckets;
}
