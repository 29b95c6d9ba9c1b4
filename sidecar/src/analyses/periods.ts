import {
  DAY_MS,
  HOUR_MS,
  calendarDaysBetween,
  isoDay,
  periodStarts,
  startOfPeriod,
  type Period,
} from '../../../common/time';

export type CalendarPeriod = Exclude<Period, 'hourly'>;

/** The span a run reports on: from its first session to its reference time, both inclusive. */
export interface TimeRange {
  fromMs: number;
  nowMs: number;
}

/** The gap-free list of periods of a range, and where an instant falls in it. */
export class PeriodIndex {
  readonly starts: number[];
  private readonly position = new Map<number, number>();

  constructor(
    range: TimeRange,
    readonly period: CalendarPeriod,
  ) {
    this.starts = periodStarts(range.fromMs, range.nowMs, period);
    this.starts.forEach((start, i) => this.position.set(start, i));
  }

  /** The bucket of `ms`, or -1 outside the range (or NaN). */
  indexOf(ms: number): number {
    if (Number.isNaN(ms)) return -1;
    return this.position.get(startOfPeriod(ms, this.period)) ?? -1;
  }

  label(i: number): string {
    return isoDay(this.starts[i]!);
  }
}

/** Days in the range, each counted even when nothing happened on it: hourly means divide by it. */
export function daysInRange(range: TimeRange): number {
  return calendarDaysBetween(range.fromMs, range.nowMs) + 1;
}

/** Hour of day 0–23 (UTC) of an instant. */
export function hourOfDay(ms: number): number {
  return Math.floor((ms - Math.floor(ms / DAY_MS) * DAY_MS) / HOUR_MS);
}

export function inRange(ms: number, range: TimeRange): boolean {
  return ms >= startOfPeriod(range.fromMs, 'daily') && ms <= range.nowMs;
}

/** x / y, or null when y is 0 (a mean or ratio over nothing is not zero). */
export function ratioOrNull(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
