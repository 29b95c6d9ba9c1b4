import { QUINTILE_SEGMENTS, quintileSegment } from '../../../../common/segments';
import type { RfmColumns } from './rfm';

/**
 * The quintile scheme: R (recency days), F (order count) and M (total spend) scored 1–5 by
 * quintiles, 5 best, as pandas' `qcut(x, 5)` would: edges at the 20/40/60/80 % quantiles (linear
 * interpolation), bins closed on the right. Order counts tie massively (most customers have 1 or
 * 2 orders), so F is ranked first — ties broken by order of appearance, pandas'
 * `rank(method='first')` — and the ranks are cut, which gives five equal groups.
 */
export interface QuintileScores {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** Index into QUINTILE_SEGMENTS of each customer's R×F segment. */
  segment: Uint8Array;
}

/** Linear-interpolation quantile of sorted values (numpy's default). */
function quantile(sorted: ArrayLike<number>, q: number): number {
  const position = (sorted.length - 1) * q;
  const lo = Math.floor(position);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (position - lo);
}

const INNER_EDGES = [0.2, 0.4, 0.6, 0.8];

/**
 * Bin 0–4 of each value: how many of the four inner quintile edges it exceeds. `ranks` says the
 * values are a permutation of 1..n, whose quantiles need no sort.
 */
export function quintileBins(values: ArrayLike<number>, ranks = false): Uint8Array {
  const n = values.length;
  let edges = INNER_EDGES.map((q) => 1 + (n - 1) * q);
  if (!ranks) {
    const sorted = Float64Array.from(values).sort();
    edges = INNER_EDGES.map((q) => quantile(sorted, q));
  }
  const bins = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let bin = 0;
    for (const edge of edges) if (values[i]! > edge) bin++;
    bins[i] = bin;
  }
  return bins;
}

/**
 * Ranks 1..n of whole-number values, ties in order of appearance (pandas `method='first'`). A
 * counting sort: order counts are small integers, and this runs for every week of the trend.
 */
export function rankFirst(values: Int32Array): Float64Array {
  let max = 0;
  for (const value of values) {
    if (value < 0) throw new Error(`rankFirst takes counts ≥ 0, got ${value}`);
    max = Math.max(max, value);
  }
  const below = new Float64Array(max + 2);
  for (const value of values) below[value + 1]!++;
  for (let v = 1; v < below.length; v++) below[v]! += below[v - 1]!;
  const ranks = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) ranks[i] = ++below[values[i]!]!;
  return ranks;
}

/** QUINTILE_SEGMENTS index of every (r, f) at [(r − 1) · 5 + f − 1]. */
const SEGMENT_BY_SCORES = Uint8Array.from({ length: 25 }, (_, i) =>
  QUINTILE_SEGMENTS.indexOf(quintileSegment(1 + Math.floor(i / 5), 1 + (i % 5))),
);

export function quintileScores(rfm: RfmColumns): QuintileScores {
  const n = rfm.recencyDays.length;
  const recencyBins = quintileBins(rfm.recencyDays);
  const frequencyBins = quintileBins(rankFirst(rfm.orderCount), true);
  const monetaryBins = quintileBins(rfm.totalSpend);
  const scores: QuintileScores = {
    r: new Uint8Array(n),
    f: new Uint8Array(n),
    m: new Uint8Array(n),
    segment: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    scores.r[i] = 5 - recencyBins[i]!;
    scores.f[i] = frequencyBins[i]! + 1;
    scores.m[i] = monetaryBins[i]! + 1;
    scores.segment[i] = SEGMENT_BY_SCORES[(scores.r[i]! - 1) * 5 + scores.f[i]! - 1]!;
  }
  return scores;
}
