import type { CohortRow } from '../../../../common/reports/cohort';
import { TREND_DAYS, sameWeekdayTypical, trendExpected } from './weekday_baseline';

/** Days of the rates' pooled reference. */
export const REFERENCE_DAYS = 28;
/**
 * Days before the first vector: the 4 weeks of same-weekday baseline every count needs, then a
 * week of ratios to it for the trend.
 */
export const WARM_UP_DAYS = 28 + TREND_DAYS;
/**
 * Vectors an autoencoder needs at least: four of every weekday, so the weekly rhythm is seen
 * several times and the median and MAD of the errors rest on enough days. With the warm-up, a
 * series needs 63 days (a cohort series 15 more, until its rows are complete).
 */
export const MIN_VECTORS = 28;
/**
 * The mean daily sessions (funnel) or downloads (cohort) a series needs: rates over fewer than ~10
 * take a few values (0, ½, 1) whose binomial z is far from normal, and such a series flagged a
 * quarter of its days (a 1.5-downloads-a-day dimension value of the bench: 78 of ~300).
 */
export const MIN_MEAN_VECTOR_COUNT = 10;

/**
 * Daily vectors for an autoencoder, each component a deviation in its own noise units, so quiet
 * and busy days, small and large steps weigh alike: a count is (count − expected) / √expected,
 * with the expected value of the daily orders series (same weekday, previous 4 weeks, × the
 * current trend); a rate is (rate − reference) / √(reference (1 − reference) / n), the reference
 * being the pooled rate of the previous 28 days. A component back in its units is
 * `offset + value × unit` (the expected count or reference rate, and its noise unit).
 */
export interface DailyVectors {
  features: string[];
  /** Index of each vector's day among the series' days. */
  dayIndex: number[];
  rows: number[][];
  actual: number[][];
  offset: number[][];
  unit: number[][];
}

interface RateSpec {
  name: string;
  of: number;
  per: number;
}

function pooledRate(of: readonly number[], per: readonly number[], day: number): number {
  let hits = 0;
  let trials = 0;
  for (let d = Math.max(0, day - REFERENCE_DAYS); d < day; d++) {
    hits += of[d]!;
    trials += per[d]!;
  }
  return trials > 0 ? hits / trials : 0;
}

/**
 * Count and rate components of each day after the warm-up: `counts[j][d]` is count j on day d,
 * the first `countNames.length` entering as counts; `excluded` days (anomalous daily orders) are
 * left out of the counts' baselines.
 */
function dailyVectors(
  countNames: readonly string[],
  counts: readonly (readonly number[])[],
  rates: readonly RateSpec[],
  excluded: readonly boolean[],
): DailyVectors {
  const days = counts[0]?.length ?? 0;
  const expected = counts
    .slice(0, countNames.length)
    .map((series) => trendExpected(series, sameWeekdayTypical(series, excluded), excluded));
  const vectors: DailyVectors = {
    features: [...countNames, ...rates.map((r) => r.name)],
    ...{ dayIndex: [], rows: [], actual: [], offset: [], unit: [] },
  };
  for (let day = WARM_UP_DAYS; day < days; day++) {
    const row: number[] = [];
    const actual: number[] = [];
    const offset: number[] = [];
    const unit: number[] = [];
    const push = (value: number, center: number, noise: number) => {
      row.push((value - center) / noise);
      actual.push(value);
      offset.push(center);
      unit.push(noise);
    };
    expected.forEach((series, j) => {
      const e = Math.max(series[day] ?? 0, 0);
      push(counts[j]![day]!, e, Math.sqrt(Math.max(e, 1)));
    });
    for (const { of, per } of rates) {
      const n = counts[per]![day]!;
      const reference = pooledRate(counts[of]!, counts[per]!, day);
      const spread = Math.sqrt(Math.max(reference * (1 - reference), 0.01) / Math.max(n, 1));
      push(n > 0 ? counts[of]![day]! / n : reference, reference, spread);
    }
    vectors.dayIndex.push(day);
    vectors.rows.push(row);
    vectors.actual.push(actual);
    vectors.offset.push(offset);
    vectors.unit.push(unit);
  }
  return vectors;
}

/**
 * The daily funnel: sessions, each action and purchases (counts), and each step's share of the
 * day's sessions (`<step>_rate`). `stepCounts[d]` maps step → sessions on day d.
 */
export function funnelVectors(
  steps: readonly string[],
  stepCounts: readonly Record<string, number>[],
  excluded: readonly boolean[] = [],
): DailyVectors {
  const counts = steps.map((step) => stepCounts.map((day) => day[step] ?? 0));
  const rates = steps.slice(1).map((step, i) => ({ name: `${step}_rate`, of: i + 1, per: 0 }));
  return dailyVectors(steps, counts, rates, excluded);
}

/** Days-after-download bins of the conversion features: [first, last] columns, inclusive. */
export const COHORT_BINS: readonly { name: string; from: number; to: number }[] = [
  { name: 'first_order_day_0', from: 0, to: 0 },
  { name: 'first_order_day_1', from: 1, to: 1 },
  { name: 'first_order_days_2_3', from: 2, to: 3 },
  { name: 'first_order_days_4_7', from: 4, to: 7 },
  { name: 'first_order_days_8_15', from: 8, to: 15 },
];

/**
 * Daily download→first-order cohorts, one row per day of the series (day 0 first, gap-free):
 * downloads (a count) and the share of the day's downloads whose first order came 0, 1, 2–3,
 * 4–7 and 8–15 days later (the cohort table's columns, binned so a few customers do not make a
 * column noisy). Only complete rows may be given (all 16 columns observed), or the last days
 * would look like a collapse of conversion.
 */
export function cohortVectors(
  rows: readonly CohortRow[],
  excluded: readonly boolean[] = [],
): DailyVectors {
  const binCounts = COHORT_BINS.map(({ from, to }) =>
    rows.map((row) => row.counts.slice(from, to + 1).reduce((a, b) => a + b, 0)),
  );
  const counts = [rows.map((row) => row.cohort_size), ...binCounts];
  const rates = COHORT_BINS.map((bin, i) => ({ name: bin.name, of: i + 1, per: 0 }));
  return dailyVectors(['downloads'], counts, rates, excluded);
}
