import type { FunnelHourRow, FunnelRow } from '../../../common/reports/funnel';
import { hourOfDay, inRange, type PeriodIndex, type TimeRange } from './periods';

/** One funnel step: per customer of the context, when it happened (NaN = never / not seen). */
export interface CustomerStep {
  step: string;
  timeMs: Float64Array;
}

/** Customers per period whose step happened in it; only events inside the range count. */
export function customerFunnelRows(
  steps: readonly CustomerStep[],
  periods: PeriodIndex,
  range: TimeRange,
): FunnelRow[] {
  const rows: FunnelRow[] = periods.starts.map((_, i) => ({
    period: periods.label(i),
    counts: Object.fromEntries(steps.map(({ step }) => [step, 0])),
  }));
  for (const { step, timeMs } of steps) {
    for (const ms of timeMs) {
      if (!inRange(ms, range)) continue;
      const i = periods.indexOf(ms);
      if (i >= 0) rows[i]!.counts[step]! += 1;
    }
  }
  return rows;
}

/** Hour-of-day means over every day in range, like the session funnel's. */
export function customerFunnelHourRows(
  steps: readonly CustomerStep[],
  range: TimeRange,
  dayCount: number,
): FunnelHourRow[] {
  const sums = Array.from({ length: 24 }, () => new Map(steps.map(({ step }) => [step, 0])));
  for (const { step, timeMs } of steps) {
    for (const ms of timeMs) {
      if (!inRange(ms, range)) continue;
      const sum = sums[hourOfDay(ms)]!;
      sum.set(step, sum.get(step)! + 1);
    }
  }
  return sums.map((sum, hour) => ({
    hour,
    counts: Object.fromEntries(
      [...sum].map(([step, n]) => [step, dayCount > 0 ? n / dayCount : 0]),
    ),
  }));
}
