import type { KpiMetric } from '../../common/reports/kpis';

/** Every number on the dashboards goes through here: one locale, fixed decimals per unit. */
const LOCALE = 'en-US';

export function formatNumber(value: number, decimals = 0): string {
  return value.toLocaleString(LOCALE, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** `+6`, `−3`, `0`: the sign is always shown so direction reads at a glance. */
export function formatSigned(value: number, decimals = 0): string {
  if (value === 0) return formatNumber(0, decimals);
  return `${value > 0 ? '+' : '−'}${formatNumber(Math.abs(value), decimals)}`;
}

/** `+25.0%`, or `n/a` when the earlier period was 0 (the report stores null then). */
export function formatPercentChange(changePct: number | null): string {
  return changePct === null ? 'n/a' : `${formatSigned(changePct, 1)}%`;
}

export interface KpiDefinition {
  label: string;
  /** What the number counts, shown under it. */
  unit: string;
  decimals: number;
}

export const KPI_DEFINITIONS: Record<KpiMetric, KpiDefinition> = {
  orders: { label: 'Orders', unit: 'purchased sessions', decimals: 0 },
  revenue: { label: 'Revenue', unit: 'sum of payment amounts', decimals: 2 },
  visitors: { label: 'Visitors', unit: 'distinct clients with a session', decimals: 0 },
  discount: { label: 'Discount', unit: 'sum of discounts on orders', decimals: 2 },
};

/** `yyyy-mm-dd` (a UTC day) as `3 Mar 2025`. */
export function formatDay(period: string | number): string {
  const time = typeof period === 'number' ? period : Date.parse(`${period}T00:00:00Z`);
  return new Date(time).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A report's `created_at` in the viewer's time zone, e.g. `3 Mar 2025, 14:05`. */
export function formatAsOf(isoTime: string): string {
  return new Date(isoTime).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** Money without a currency (the data has none): `1,234.50`. */
export function formatAmount(value: number): string {
  return formatNumber(value, 2);
}

/** A ratio 0..1 as `58.6%`; `n/a` for null (no denominator). */
export function formatRatio(ratio: number | null, decimals = 1): string {
  return ratio === null ? 'n/a' : `${formatNumber(ratio * 100, decimals)}%`;
}

/** A duration in hours as `118.9 h`, with days added once it exceeds two days: `118.9 h (5.0 d)`. */
export function formatHours(hours: number | null): string {
  if (hours === null) return 'n/a';
  const text = `${formatNumber(hours, 1)} h`;
  return hours >= 48 ? `${text} (${formatNumber(hours / 24, 1)} d)` : text;
}

/** The period kinds the reports bucket by; `hour` is the hour of day 0–23. */
export type PeriodKind = 'day' | 'week' | 'month' | 'hour';

/** `yyyy-mm-01` as `Jan 2025`. */
export function formatMonth(period: string | number): string {
  const time = typeof period === 'number' ? period : Date.parse(`${period}T00:00:00Z`);
  return new Date(time).toLocaleDateString('en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Hour of day as `07:00`. */
export function formatHourOfDay(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** A period key (`yyyy-mm-dd` start, or an hour) as its label: day, `w/c 6 Jan 2025`, month, hour. */
export function formatPeriod(period: string | number, kind: PeriodKind): string {
  switch (kind) {
    case 'day':
      return formatDay(period);
    case 'week':
      return `w/c ${formatDay(period)}`;
    case 'month':
      return formatMonth(period);
    case 'hour':
      return formatHourOfDay(Number(period));
  }
}

/** `1st`, `2nd`, `3rd`, `4th`, `11th`, `21st`. */
export function formatOrdinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  const suffix: Record<number, string> = { 1: 'st', 2: 'nd', 3: 'rd' };
  return `${n}${suffix[n % 10] ?? 'th'}`;
}
