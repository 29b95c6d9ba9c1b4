import { binomialCdf, binomialLogPmf, normalTwoSided, studentTTwoSided } from './cdf';

export interface TestResult {
  statistic: number;
  /** Degrees of freedom (t tests), null otherwise. */
  df: number | null;
  p: number;
}

export interface SampleSummary {
  n: number;
  mean: number;
  /** Unbiased (n − 1) variance. */
  variance: number;
}

export function summarize(values: ArrayLike<number>): SampleSummary {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = n > 0 ? sum / n : NaN;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i]! - mean) ** 2;
  return { n, mean, variance: n > 1 ? squares / (n - 1) : NaN };
}

/** One-sample t test of mean 0 from a summary: the paired t test on differences. */
export function tFromSummary(s: SampleSummary): TestResult {
  const df = s.n - 1;
  if (s.variance === 0)
    return { statistic: s.mean === 0 ? 0 : Infinity, df, p: s.mean === 0 ? 1 : 0 };
  const statistic = s.mean / Math.sqrt(s.variance / s.n);
  return { statistic, df, p: studentTTwoSided(statistic, df) };
}

/** Paired t test of after − before (two-sided). */
export function pairedTTest(before: ArrayLike<number>, after: ArrayLike<number>): TestResult {
  const differences = new Float64Array(before.length);
  for (let i = 0; i < before.length; i++) differences[i] = after[i]! - before[i]!;
  return tFromSummary(summarize(differences));
}

/** Welch's unequal-variance t test of mean(b) − mean(a), Welch–Satterthwaite df. */
export function welchFromSummaries(a: SampleSummary, b: SampleSummary): TestResult {
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se2 = va + vb;
  const difference = b.mean - a.mean;
  if (se2 === 0)
    return { statistic: difference === 0 ? 0 : Infinity, df: null, p: difference === 0 ? 1 : 0 };
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const statistic = difference / Math.sqrt(se2);
  return { statistic, df, p: studentTTwoSided(statistic, df) };
}

export function welchTest(a: ArrayLike<number>, b: ArrayLike<number>): TestResult {
  return welchFromSummaries(summarize(a), summarize(b));
}

/** Above this many non-zero differences (or with ties) the signed-rank test uses the normal form. */
export const WILCOXON_EXACT_MAX = 25;

/**
 * The non-zero paired differences ordered by |d|, in groups of equal |d|: what the signed-rank
 * statistic needs, computed once so bootstrap resamples (weights per customer) rank in O(n).
 */
export interface SignedRankOrder {
  /** Customer positions of the non-zero differences, by increasing |d|. */
  order: Int32Array;
  /** Group g holds order[groupStart[g]] .. order[groupStart[g + 1] − 1]. */
  groupStart: Int32Array;
  positive: Uint8Array;
}

export function signedRankOrder(differences: ArrayLike<number>): SignedRankOrder {
  const nonZero: number[] = [];
  for (let i = 0; i < differences.length; i++) if (differences[i] !== 0) nonZero.push(i);
  const order = Int32Array.from(nonZero).sort(
    (a, b) => Math.abs(differences[a]!) - Math.abs(differences[b]!),
  );
  const starts: number[] = [];
  for (let k = 0; k < order.length; k++) {
    if (k === 0 || Math.abs(differences[order[k]!]!) !== Math.abs(differences[order[k - 1]!]!)) {
      starts.push(k);
    }
  }
  starts.push(order.length);
  const positive = new Uint8Array(differences.length);
  for (let i = 0; i < differences.length; i++) positive[i] = differences[i]! > 0 ? 1 : 0;
  return { order, groupStart: Int32Array.from(starts), positive };
}

/** Cumulative null distribution of V on n untied ranks (2ⁿ sign patterns, by DP), per n. */
const exactCdfs = new Map<number, Float64Array>();

/** P(V ≤ v) for the exact null distribution of V on n untied ranks. */
function exactSignedRankCdf(v: number, n: number): number {
  let cdf = exactCdfs.get(n);
  if (!cdf) {
    const max = (n * (n + 1)) / 2;
    const counts = new Float64Array(max + 1);
    counts[0] = 1;
    // Adding rank r: counts'[s] = counts[s] + counts[s − r]; downwards keeps each rank used once.
    for (let r = 1; r <= n; r++) {
      for (let s = max; s >= r; s--) counts[s]! += counts[s - r]!;
    }
    cdf = new Float64Array(max + 1);
    let below = 0;
    for (let s = 0; s <= max; s++) cdf[s] = below += counts[s]! / 2 ** n;
    exactCdfs.set(n, cdf);
  }
  return v < 0 ? 0 : cdf[Math.min(cdf.length - 1, Math.floor(v))]!;
}

/**
 * Wilcoxon signed-rank test (two-sided) on the differences of `ranked`, each customer counted
 * `weights[i]` times (all 1 for the sample itself; multinomial counts for a bootstrap resample).
 * Zero differences are dropped (as R's wilcox.test). Exact null distribution for at most
 * WILCOXON_EXACT_MAX untied differences; otherwise the normal approximation with the tie
 * correction of the variance and a continuity correction. `statistic` is V, the sum of the ranks
 * of the positive differences.
 */
export function signedRankTest(ranked: SignedRankOrder, weights?: ArrayLike<number>): TestResult {
  const { order, groupStart, positive } = ranked;
  let n = 0;
  let v = 0;
  let tieTerm = 0;
  for (let g = 0; g + 1 < groupStart.length; g++) {
    let size = 0;
    let positives = 0;
    for (let k = groupStart[g]!; k < groupStart[g + 1]!; k++) {
      const i = order[k]!;
      const w = weights ? weights[i]! : 1;
      size += w;
      if (positive[i]) positives += w;
    }
    if (size === 0) continue;
    v += positives * (n + (size + 1) / 2);
    tieTerm += size * size * size - size;
    n += size;
  }
  if (n === 0) return { statistic: 0, df: null, p: 1 };
  const mean = (n * (n + 1)) / 4;
  if (n <= WILCOXON_EXACT_MAX && tieTerm === 0) {
    const lower = v > mean ? (n * (n + 1)) / 2 - v : v;
    return { statistic: v, df: null, p: Math.min(1, 2 * exactSignedRankCdf(lower, n)) };
  }
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48;
  if (variance <= 0) return { statistic: v, df: null, p: 1 };
  const offset = v - mean;
  const z = (offset - Math.sign(offset) * 0.5) / Math.sqrt(variance);
  return { statistic: v, df: null, p: normalTwoSided(z) };
}

/** Wilcoxon signed-rank test of after − before (see signedRankTest). */
export function wilcoxonSignedRank(
  before: ArrayLike<number>,
  after: ArrayLike<number>,
): TestResult {
  const differences = new Float64Array(before.length);
  for (let i = 0; i < before.length; i++) differences[i] = after[i]! - before[i]!;
  return signedRankTest(signedRankOrder(differences));
}

/**
 * Poisson rate test (comparison of two Poisson counts, as R's poisson.test with two counts):
 * given the total, the second count is Binomial(total, e2 / (e1 + e2)) under equal rates; the
 * two-sided p sums every outcome no more likely than the one seen (R's binom.test rule).
 * `statistic` is the rate ratio (count2 / e2) / (count1 / e1).
 */
export function poissonRateTest(
  count1: number,
  count2: number,
  exposure1 = 1,
  exposure2 = 1,
): TestResult {
  const total = count1 + count2;
  const statistic = count2 / exposure2 / (count1 / exposure1);
  if (total === 0) return { statistic: NaN, df: null, p: 1 };
  const p0 = exposure2 / (exposure1 + exposure2);
  const x = count2;
  const expected = total * p0;
  const relErr = 1 + 1e-7;
  const logD = binomialLogPmf(x, total, p0);
  const atMost = (k: number) => binomialLogPmf(k, total, p0) <= logD + Math.log(relErr);
  let p: number;
  if (x === expected) p = 1;
  else if (x < expected) {
    // Outcomes above the mode whose probability is at most P(x): a tail from the first such k.
    let lo = Math.ceil(expected);
    let hi = total + 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (atMost(mid)) hi = mid;
      else lo = mid + 1;
    }
    p = binomialCdf(x, total, p0) + (1 - binomialCdf(lo - 1, total, p0));
  } else {
    let lo = -1;
    let hi = Math.floor(expected);
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (atMost(mid)) lo = mid;
      else hi = mid - 1;
    }
    p = (lo >= 0 ? binomialCdf(lo, total, p0) : 0) + (1 - binomialCdf(x - 1, total, p0));
  }
  return { statistic, df: null, p: Math.min(1, p) };
}

/**
 * Benjamini–Hochberg q-values (step-up, R's p.adjust "BH"); null p-values (untested entries) stay
 * null and do not count in the family size.
 */
export function benjaminiHochberg(pValues: readonly (number | null)[]): (number | null)[] {
  const tested = pValues
    .map((p, index) => ({ p, index }))
    .filter((e): e is { p: number; index: number } => e.p !== null)
    .sort((a, b) => a.p - b.p);
  const m = tested.length;
  const q: (number | null)[] = pValues.map(() => null);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const entry = tested[rank - 1]!;
    running = Math.min(running, (entry.p * m) / rank);
    q[entry.index] = running;
  }
  return q;
}
