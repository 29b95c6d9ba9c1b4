import { DEFAULT_MAD_K, anomalyScore } from '../../../../common/reports/anomalies';

/** The median of `values` (the mean of the two middle values when their count is even). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median absolute deviation from the median, unscaled (no 1.4826 factor: k absorbs it). */
export function medianAbsoluteDeviation(
  values: readonly number[],
  center = median(values),
): number {
  return median(values.map((v) => Math.abs(v - center)));
}

/** A series' errors scored against their own median and MAD. */
export interface ScoredErrors {
  median: number;
  mad: number;
  /** error > median + k × MAD (equivalently score > 50). */
  threshold: number;
  scores: number[];
  anomalous: boolean[];
}

/**
 * Scores every error of a series (ANALYSES.md "Anomalies": anomalous when error > median + k × MAD;
 * `anomalyScore` maps the robust z to 0–100). Null errors (points without a typical value yet)
 * take no part in the median and MAD, score 0 and are never anomalous. `madFloor` is the MAD that
 * noise alone would give: a sparse series (most days 0) has a MAD of 0, which would make every
 * day with one order an anomaly.
 */
export function scoreErrors(
  errors: readonly (number | null)[],
  k = DEFAULT_MAD_K,
  madFloor = 0,
): ScoredErrors {
  const present = errors.filter((e): e is number => e !== null);
  const m = median(present);
  const mad = Math.max(medianAbsoluteDeviation(present, m), madFloor);
  const scores = errors.map((e) => (e === null ? 0 : anomalyScore(e, m, mad, k)));
  const anomalous = errors.map((e) => e !== null && (mad > 0 ? e > m + k * mad : e > m));
  return { median: m, mad, threshold: m + k * mad, scores, anomalous };
}
