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
