import type { FunnelHourRow, FunnelRow } from '../../../common/reports/funnel';
import type { PeriodSeries } from './period_chart';

const STEP_LABELS: Record<string, string> = {
  has_sessions: 'Sessions',
  has_basket: 'With a basket',
  order_screen: 'Reached the order screen',
  purchased: 'Purchased',
  download: 'Downloads',
  signup: 'Sign-ups',
  first_session: 'First session',
  first_order: 'First order',
};

/** A funnel step as a person would say it; configured actions are humanised (`add_to_cart` → `Add to cart`). */
export function funnelStepLabel(step: string): string {
  const known = STEP_LABELS[step];
  if (known) return known;
  const words = step.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The steps in funnel order: the report's `params.steps`, else the keys of its first row. */
export function funnelSteps(
  params: Record<string, unknown>,
  rows: ReadonlyArray<FunnelRow | FunnelHourRow>,
): string[] {
  const steps = params.steps;
  if (Array.isArray(steps) && steps.every((step) => typeof step === 'string')) return steps;
  return Object.keys(rows[0]?.counts ?? {});
}

export interface FunnelTotal {
  step: string;
  total: number;
  /** total / the first step's total (null when the first step is 0). */
  shareOfFirst: number | null;
}

/** Each step summed over the report's rows, with its share of the first step. */
export function funnelTotals(
  rows: ReadonlyArray<FunnelRow | FunnelHourRow>,
  steps: readonly string[],
): FunnelTotal[] {
  const totals = steps.map((step) => rows.reduce((sum, row) => sum + (row.counts[step] ?? 0), 0));
  const first = totals[0] ?? 0;
  return steps.map((step, index) => {
    const total = totals[index] ?? 0;
    return { step, total, shareOfFirst: first === 0 ? null : total / first };
  });
}

/** One series per step, over the rows' periods (or hours of day). */
export function funnelSeries(
  rows: ReadonlyArray<FunnelRow | FunnelHourRow>,
  steps: readonly string[],
): PeriodSeries[] {
  return steps.map((step) => ({
    id: step,
    name: funnelStepLabel(step),
    points: rows.map((row) => ({
      period: 'hour' in row ? row.hour : row.period,
      value: row.counts[step] ?? 0,
    })),
  }));
}
