import type {
  AbMetric,
  AbOutcome,
  PromotionPairRow,
  SegmentChangeRow,
} from '../../../common/reports/abtests';
import { formatNumber, formatSigned } from '../../components/format';

/** The q below which a result counts as a discovery (BH false discovery rate). */
export const Q_LEVEL = 0.05;

export const METRIC_TITLES: Record<AbMetric, string> = {
  amount: 'Mean payment amount',
  count: 'Order count',
};

export const EXPLANATION =
  'q is the p-value adjusted for testing every promotion (product, pair, segment) at once ' +
  '(Benjamini–Hochberg): among results with q < 0.05, about 5 % or fewer are expected to be flukes. ' +
  'The 95 % interval is the range of effects the data support (seeded bootstrap, 2,000 resamples); ' +
  'an interval that excludes 0 agrees with a significant result.';

export type Tested<Row extends AbOutcome> = Row & {
  status: 'tested';
  p: number;
  q: number;
  difference: number;
  ci_low: number;
  ci_high: number;
  mean_before: number;
  mean_after: number;
};

export function isTested<Row extends AbOutcome>(row: Row): row is Tested<Row> {
  return row.status === 'tested' && row.p !== null && row.q !== null;
}

export function isSignificant(row: AbOutcome): boolean {
  return row.status === 'tested' && row.q !== null && row.q < Q_LEVEL;
}

export function formatP(value: number | null): string {
  if (value === null) return '–';
  return value < 0.0001 ? '< 0.0001' : formatNumber(value, 4);
}

export function formatPercent(share: number | null, decimals = 1): string {
  return share === null ? '–' : `${formatSigned(share * 100, decimals)}%`;
}

/** The one-line summary every tooltip and table row gives of a result. */
export function describeOutcome(row: AbOutcome): string {
  if (!isTested(row)) return `n = ${formatNumber(row.n)}: too few customers, not tested`;
  const decimals = row.metric === 'amount' ? 2 : 3;
  return (
    `n = ${formatNumber(row.n)} · effect ${formatSigned(row.difference, decimals)} ` +
    `(${formatPercent(row.uplift)}) · 95 % CI ${formatSigned(row.ci_low, decimals)} to ` +
    `${formatSigned(row.ci_high, decimals)} · p ${formatP(row.p)} · q ${formatP(row.q)}`
  );
}

export interface NamedOutcome extends AbOutcome {
  name: string;
}

/** Original's view: per entity and metric, reject ratio of the B resamples against customers. */
export function originalViewPoints(rows: readonly NamedOutcome[]) {
  return rows.filter(isTested).map((row) => ({
    key: `${row.name} · ${row.metric}`,
    row,
    n: row.n,
    rejectRatio: 1 - (row.h0_accepted_share ?? 1),
    series: `${METRIC_TITLES[row.metric]}${isSignificant(row) ? ' (q < 0.05)' : ''}`,
  }));
}

/** Per entity tested on both metrics: its order-count and mean-amount differences. */
export function differencePoints(rows: readonly NamedOutcome[]) {
  const count = new Map(
    rows.filter((r) => r.metric === 'count' && isTested(r)).map((r) => [r.name, r]),
  );
  return rows
    .filter((r) => r.metric === 'amount' && isTested(r) && count.has(r.name))
    .map((amount) => {
      const orders = count.get(amount.name)!;
      const significant = isSignificant(amount) || isSignificant(orders);
      return {
        name: amount.name,
        amount,
        count: orders,
        x: orders.difference!,
        y: amount.difference!,
        series: significant ? 'Significant on either (q < 0.05)' : 'Not significant',
      };
    });
}

/** Significant rows of one metric and direction, largest effect first, at most `limit`. */
export function significantBars(
  rows: readonly NamedOutcome[],
  metric: AbMetric,
  direction: 'increase' | 'decrease',
  limit = 20,
) {
  return rows
    .filter((r) => r.metric === metric && isSignificant(r) && r.uplift !== null)
    .filter((r) => (direction === 'increase' ? r.difference! > 0 : r.difference! < 0))
    .sort((a, b) => Math.abs(b.uplift!) - Math.abs(a.uplift!))
    .slice(0, limit)
    .map((row) => ({
      name: row.name,
      row,
      uplift: row.uplift! * 100,
      low: (row.uplift_ci_low ?? row.uplift!) * 100,
      high: (row.uplift_ci_high ?? row.uplift!) * 100,
    }));
}

/** Heat-map cells of the pair comparisons: difference b − a, significant cells marked. */
export function pairCells(rows: readonly PromotionPairRow[]) {
  return rows.map((row) => ({
    row,
    a: row.promotion_a,
    b: row.promotion_b,
    value: isTested(row) ? row.difference : null,
    label: isTested(row)
      ? `${formatSigned(row.difference!, 1)}${isSignificant(row) ? ' ★' : ''}`
      : 'n/a',
  }));
}

/** Segment change of one metric: uplift % per segment and period (tested rows only). */
export function segmentChangeBars(rows: readonly SegmentChangeRow[], metric: AbMetric) {
  return rows
    .filter((r) => r.metric === metric && isTested(r) && r.uplift !== null)
    .map((row) => ({
      segment: row.segment,
      significant: isSignificant(row),
      row,
      period: row.period,
      uplift: row.uplift! * 100,
    }));
}
