import { formatAsOf, formatDay, formatPeriod, type PeriodKind } from '../format';

/** The last period of a chart when the data ends before that period does. */
export interface PartialPeriod {
  /** The period's key (`yyyy-mm-dd` of its first day). */
  key: string;
  /** The last day with data: the report's reference day. */
  lastDay: string;
  /** Days of the period the data covers, and days the period has. */
  daysCovered: number;
  daysInPeriod: number;
}

const DAY_MS = 86_400_000;

function dayMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** The period's last day, `yyyy-mm-dd` (UTC); null for kinds that are not calendar spans. */
function lastDayOf(key: string, kind: PeriodKind): string | null {
  const start = new Date(dayMs(key));
  if (kind === 'week') return new Date(start.getTime() + 6 * DAY_MS).toISOString().slice(0, 10);
  if (kind === 'month') {
    const end = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0);
    return new Date(end).toISOString().slice(0, 10);
  }
  return null;
}

/** The UTC day of a report's `params.reference_time`, or null when it has none. */
export function referenceDay(params: Record<string, unknown> | undefined): string | null {
  const value = params?.reference_time;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return null;
  return new Date(value).toISOString().slice(0, 10);
}

/**
 * The newest week or month of `keys` when the reference day falls inside it before its last day:
 * its total covers fewer days than the others, so its dip is not a drop. Days and hours of day
 * are never partial here, and a chart without a reference day marks nothing.
 */
export function partialLastPeriod(
  keys: ReadonlyArray<string | number>,
  kind: PeriodKind,
  lastDataDay: string | null,
): PartialPeriod | null {
  if (lastDataDay === null || (kind !== 'week' && kind !== 'month') || keys.length === 0) {
    return null;
  }
  const key = keys.map(String).reduce((newest, next) => (next > newest ? next : newest));
  const periodEnd = lastDayOf(key, kind);
  if (periodEnd === null || lastDataDay >= periodEnd || lastDataDay < key) return null;
  return {
    key,
    lastDay: lastDataDay,
    daysCovered: Math.round((dayMs(lastDataDay) - dayMs(key)) / DAY_MS) + 1,
    daysInPeriod: Math.round((dayMs(periodEnd) - dayMs(key)) / DAY_MS) + 1,
  };
}

/** The note under a chart whose last period is partial. */
export function partialPeriodNote(partial: PartialPeriod, kind: PeriodKind): string {
  const what = kind === 'week' ? 'week' : 'month';
  return (
    `The last ${what} (${formatPeriod(partial.key, kind)}) is partial: the data ends on ` +
    `${formatDay(partial.lastDay)}, ${partial.daysCovered} of its ${partial.daysInPeriod} days.`
  );
}

/**
 * The time window of a report panel: the day the numbers run up to (the run's reference time)
 * and when they were computed, e.g. `data up to 4 Jul 2025, computed 3 Dec 2026, 14:05`.
 */
export function formatDataWindow(
  params: Record<string, unknown> | undefined,
  createdAt: string,
  formatComputed: (isoTime: string) => string = formatAsOf,
): string {
  const day = referenceDay(params);
  const computed = `computed ${formatComputed(createdAt)}`;
  return day === null ? computed : `data up to ${formatDay(day)}, ${computed}`;
}
