import { DEFAULT_MAD_K } from '../../../../common/reports/anomalies';
import { scoreErrors, type ScoredErrors } from './scoring';

/** How many previous same weekdays the typical value averages. */
export const BASELINE_WEEKS = 4;

/**
 * The typical value of each day: the mean of the same weekday over the previous 4 weeks, leaving
 * out days marked in `excluded` (days already found anomalous, so one spike does not make the next
 * four same weekdays look low). Null for the first 4 weeks, or when all 4 days are excluded.
 */
export function sameWeekdayTypical(
  values: readonly number[],
  excluded: readonly boolean[] = [],
): (number | null)[] {
  return values.map((_, day) => {
    if (day < 7 * BASELINE_WEEKS) return null;
    let sum = 0;
    let count = 0;
    for (let week = 1; week <= BASELINE_WEEKS; week++) {
      const earlier = day - 7 * week;
      if (excluded[earlier]) continue;
      sum += values[earlier]!;
      count++;
    }
    return count ? sum / count : null;
  });
}

/** Days whose ratio to their typical value sets the current trend. */
export const TREND_DAYS = 7;

/**
 * Each day's expected value: its typical value × the ratio Σ actual / Σ typical over the previous
 * 7 days that have one and are not excluded (1 when none). A growing (or shrinking) series runs
 * above (below) its 4-week baseline every day; that trend is not an anomaly, a day off it is.
 * Sums rather than a median of daily ratios, so a sparse series (days of 0) keeps its level.
 */
export function trendExpected(
  values: readonly number[],
  typical: readonly (number | null)[],
  excluded: readonly boolean[] = [],
): (number | null)[] {
  return typical.map((t, day) => {
    if (t === null) return null;
    let actualSum = 0;
    let typicalSum = 0;
    for (let d = Math.max(0, day - TREND_DAYS); d < day; d++) {
      const earlier = typical[d];
      if (earlier === null || earlier === undefined || excluded[d]) continue;
      actualSum += values[d]!;
      typicalSum += earlier;
    }
    return t * (typicalSum > 0 ? actualSum / typicalSum : 1);
  });
}

/**
 * The MAD of `countError` under Poisson noise alone (√x − √expected ≈ N(0, 1/4), simulated: 0.18),
 * the floor of a count series' MAD.
 */
export const COUNT_ERROR_MAD_FLOOR = 0.18;

/**
 * A day's error: its distance from the expected value on the square-root scale, where counts'
 * noise has about the same spread at every level (Poisson: var √x ≈ 1/4), so the quiet first
 * weeks of a shop do not outweigh its busy days; then the square root of that distance. The
 * plain distance is a folded normal under noise, whose median + 3.5 × MAD cut flags ~3.8 % of
 * ordinary days; its square root is near-symmetric, so the same cut sits near 2.9 σ (~0.35 %).
 */
export function countError(actual: number, expected: number | null): number | null {
  if (expected === null) return null;
  return Math.sqrt(Math.abs(Math.sqrt(actual) - Math.sqrt(Math.max(expected, 0))));
}

/**
 * Below this mean daily count a series is not scored: with about one event a day or fewer, a
 * day's count cannot stand out from Poisson noise (and a lone event on a day whose baseline is
 * 0 would look infinitely unusual).
 */
export const MIN_MEAN_DAILY_COUNT = 1;

/** The mean daily count of a series, over the days that have an expected value. */
export function meanCount(values: readonly number[], from: number): number {
  const days = values.slice(from);
  return days.length ? days.reduce((a, b) => a + b, 0) / days.length : 0;
}

export interface WeekdaySeries extends ScoredErrors {
  typical: (number | null)[];
  /** (actual − typical) / typical; null without a typical value or when it is 0. */
  pctChange: (number | null)[];
  errors: (number | null)[];
  /** True when the series was too sparse to score (MIN_MEAN_DAILY_COUNT): no day is anomalous. */
  sparse: boolean;
}

/** Rounds of re-scoring with the anomalous days left out of the baselines (stops when stable). */
const MAX_ROUNDS = 4;

/**
 * Daily values scored against their same-weekday typical value. The first round uses every day;
 * each further round leaves the days found anomalous out of the later days' baselines, until the
 * anomalous days no longer change.
 */
export function weekdaySeries(values: readonly number[], k = DEFAULT_MAD_K): WeekdaySeries {
  let excluded: boolean[] = [];
  let result: WeekdaySeries | null = null;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const typical = sameWeekdayTypical(values, excluded);
    const expected = trendExpected(values, typical, excluded);
    const errors = values.map((v, i) => countError(v, expected[i]!));
    const sparse = meanCount(values, 7 * BASELINE_WEEKS) < MIN_MEAN_DAILY_COUNT;
    const scored = scoreErrors(
      errors.map((e) => (sparse ? null : e)),
      k,
      COUNT_ERROR_MAD_FLOOR,
    );
    const pctChange = values.map((v, i) => {
      const t = typical[i]!;
      return t === null || t === 0 ? null : (v - t) / t;
    });
    const stable = result !== null && scored.anomalous.every((a, i) => a === excluded[i]);
    result = { ...scored, typical, pctChange, errors, sparse };
    if (stable) break;
    excluded = scored.anomalous;
  }
  return result!;
}
