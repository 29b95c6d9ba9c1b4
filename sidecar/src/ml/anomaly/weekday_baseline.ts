import { DEFAULT_MAD_K } from '../../../../common/reports/anomalies';
import { median, scoreErrors, type ScoredErrors } from './scoring';

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
 * Each day's expected value: its typical value × the median ratio actual / typical over the
 * previous 7 days that have one (1 when none). A growing (or shrinking) series runs above (below)
 * its 4-week baseline every day; that trend is not an anomaly, a day off the trend is.
 */
export function trendExpected(
  values: readonly number[],
  typical: readonly (number | null)[],
): (number | null)[] {
  return typical.map((t, day) => {
    if (t === null) return null;
    const ratios: number[] = [];
    for (let d = Math.max(0, day - TREND_DAYS); d < day; d++) {
      const earlier = typical[d];
      if (earlier !== null && earlier !== undefined && earlier > 0)
        ratios.push(values[d]! / earlier);
    }
    return t * (ratios.length ? median(ratios) : 1);
  });
}

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

export interface WeekdaySeries extends ScoredErrors {
  typical: (number | null)[];
  /** (actual − typical) / typical; null without a typical value or when it is 0. */
  pctChange: (number | null)[];
  errors: (number | null)[];
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
    const expected = trendExpected(values, typical);
    const errors = values.map((v, i) => countError(v, expected[i]!));
    const scored = scoreErrors(errors, k);
    const pctChange = values.map((v, i) => {
      const t = typical[i]!;
      return t === null || t === 0 ? null : (v - t) / t;
    });
    const stable = result !== null && scored.anomalous.every((a, i) => a === excluded[i]);
    result = { ...scored, typical, pctChange, errors };
    if (stable) break;
    excluded = scored.anomalous;
  }
  return result!;
}
