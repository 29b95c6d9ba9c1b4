import { KPI_METRICS, type KpiMetric, type KpiRow } from '../../../common/reports/kpis';
import { DAY_MS, startOfDay } from '../../../common/time';

/** Half-open [fromMs, toMs) windows: the whole range, the last 7 calendar days, the 7 before. */
export interface KpiWindows {
  last7: { fromMs: number; toMs: number };
  previous7: { fromMs: number; toMs: number };
}

/** Last 7 = the day of `now` and the 6 days before it; previous 7 = the 7 days before those. */
export function kpiWindows(nowMs: number): KpiWindows {
  const endMs = startOfDay(nowMs) + DAY_MS;
  return {
    last7: { fromMs: endMs - 7 * DAY_MS, toMs: endMs },
    previous7: { fromMs: endMs - 14 * DAY_MS, toMs: endMs - 7 * DAY_MS },
  };
}

export type KpiValues = Record<KpiMetric, number>;

export function kpiRows(values: {
  total: KpiValues;
  last7: KpiValues;
  previous7: KpiValues;
}): KpiRow[] {
  return KPI_METRICS.map((metric) => {
    const last7 = values.last7[metric];
    const previous7 = values.previous7[metric];
    const change = last7 - previous7;
    return {
      metric,
      total: values.total[metric],
      last7,
      previous7,
      change,
      change_pct: previous7 === 0 ? null : (change / previous7) * 100,
    };
  });
}
