import type { FunnelHourRow, FunnelRow } from '../../../common/reports/funnel';
import type { HourCountRow, PeriodCountRow } from '../../../common/reports/stats';
import { hourOfDay, type PeriodIndex } from './periods';

/** Counts of one time bucket as an aggregation returns them: step name → sessions. */
export interface BucketCounts {
  startMs: number;
  counts: Record<string, number>;
}

/** The session funnel's steps: every session, the user actions in funnel order, the purchase. */
export function sessionFunnelSteps(actions: readonly string[]): string[] {
  return [
    'has_sessions',
    ...actions.filter((a) => a !== 'has_sessions' && a !== 'purchased'),
    'purchased',
  ];
}

function zeroCounts(steps: readonly string[]): Record<string, number> {
  return Object.fromEntries(steps.map((step) => [step, 0]));
}

/**
 * One row per period of the index, zeros where no bucket came back (so a chart never shows a gap
 * as a line between two non-zero days).
 */
export function periodFunnelRows(
  buckets: readonly BucketCounts[],
  periods: PeriodIndex,
  steps: readonly string[],
): FunnelRow[] {
  const rows = periods.starts.map((_, i) => ({
    period: periods.label(i),
    counts: zeroCounts(steps),
  }));
  for (const bucket of buckets) {
    const i = periods.indexOf(bucket.startMs);
    if (i < 0) continue;
    const counts = rows[i]!.counts;
    for (const step of steps) counts[step] = counts[step]! + (bucket.counts[step] ?? 0);
  }
  return rows;
}

/**
 * Hour-of-day means: the buckets are hours (any date); each hour of day gets the sum of its
 * buckets divided by the number of days in range, zero days included.
 */
export function hourlyFunnelRows(
  hourBuckets: readonly BucketCounts[],
  dayCount: number,
  steps: readonly string[],
): FunnelHourRow[] {
  const sums = Array.from({ length: 24 }, () => zeroCounts(steps));
  for (const bucket of hourBuckets) {
    const sum = sums[hourOfDay(bucket.startMs)]!;
    for (const step of steps) sum[step] = sum[step]! + (bucket.counts[step] ?? 0);
  }
  return sums.map((sum, hour) => ({
    hour,
    counts: Object.fromEntries(
      steps.map((step) => [step, dayCount > 0 ? sum[step]! / dayCount : 0]),
    ),
  }));
}

/** `stats/orders_*`: the purchased step of the session funnel. */
export function ordersRows(funnel: readonly FunnelRow[]): PeriodCountRow[] {
  return funnel.map((row) => ({ period: row.period, orders: row.counts.purchased ?? 0 }));
}

export function ordersHourRows(funnel: readonly FunnelHourRow[]): HourCountRow[] {
  return funnel.map((row) => ({ hour: row.hour, orders: row.counts.purchased ?? 0 }));
}
