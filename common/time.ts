/**
 * The one definition of calendar buckets. All analyses and charts import these, so a week is the
 * same thing everywhere: it starts on Monday 00:00 UTC and is labelled by that Monday.
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

export type Period = 'daily' | 'weekly' | 'monthly' | 'hourly';
export const PERIODS: readonly Period[] = ['daily', 'weekly', 'monthly', 'hourly'];

/** Midnight UTC of the day holding `ms`. */
export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Monday 00:00 UTC of the week holding `ms`. 1970-01-01 was a Thursday. */
export function startOfWeek(ms: number): number {
  const day = startOfDay(ms);
  const weekday = (Math.floor(day / DAY_MS) + 3) % 7; // 0 = Monday
  return day - weekday * DAY_MS;
}

/** The first day of the month holding `ms`, 00:00 UTC. */
export function startOfMonth(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

export function startOfPeriod(ms: number, period: Exclude<Period, 'hourly'>): number {
  if (period === 'daily') return startOfDay(ms);
  if (period === 'weekly') return startOfWeek(ms);
  return startOfMonth(ms);
}

/** Whole calendar days between the days of two instants (b − a). */
export function calendarDaysBetween(aMs: number, bMs: number): number {
  return Math.round((startOfDay(bMs) - startOfDay(aMs)) / DAY_MS);
}

/** Whole calendar weeks between the weeks of two instants (b − a). */
export function calendarWeeksBetween(aMs: number, bMs: number): number {
  return Math.round((startOfWeek(bMs) - startOfWeek(aMs)) / WEEK_MS);
}

/** `yyyy-mm-dd` of the UTC day holding `ms`. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Every period start from the period of `fromMs` to that of `toMs`, inclusive, with no gaps. */
export function periodStarts(
  fromMs: number,
  toMs: number,
  period: Exclude<Period, 'hourly'>,
): number[] {
  const starts: number[] = [];
  let current = startOfPeriod(fromMs, period);
  const last = startOfPeriod(toMs, period);
  while (current <= last) {
    starts.push(current);
    if (period === 'monthly') {
      const date = new Date(current);
      current = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    } else {
      current += period === 'daily' ? DAY_MS : WEEK_MS;
    }
  }
  return starts;
}
