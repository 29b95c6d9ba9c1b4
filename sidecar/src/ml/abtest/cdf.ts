import jstat from 'jstat';

/**
 * Distribution functions of the A/B tests, from jstat (tested against textbook values in
 * tests/unit/ml/abtest/cdf.test.ts). Upper tails come from the symmetric or complementary form
 * rather than 1 − cdf, so tiny p-values do not round to 0 early.
 */
const { jStat } = jstat;

export function normalCdf(z: number): number {
  return jStat.normal.cdf(z, 0, 1);
}

/** P(|Z| ≥ |z|) for a standard normal Z. */
export function normalTwoSided(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

/** P(|T| ≥ |t|) for Student's t with `df` degrees of freedom (df may be fractional: Welch). */
export function studentTTwoSided(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  // P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, 1/2): no cancellation in the upper tail.
  return Math.min(1, jStat.ibeta(df / (df + t * t), df / 2, 0.5));
}

export function chiSquareCdf(x: number, df: number): number {
  return jStat.chisquare.cdf(x, df);
}

export function gammaCdf(x: number, shape: number, scale: number): number {
  return jStat.gamma.cdf(x, shape, scale);
}

export function logGamma(x: number): number {
  return jStat.gammaln(x);
}

/** P(X ≤ k) for X ~ Binomial(n, p): the regularized incomplete beta I_{1−p}(n − k, k + 1). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  return jStat.ibeta(1 - p, n - k, k + 1);
}

/** log P(X = k) for X ~ Binomial(n, p). */
export function binomialLogPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return -Infinity;
  if (p <= 0) return k === 0 ? 0 : -Infinity;
  if (p >= 1) return k === n ? 0 : -Infinity;
  const logChoose = logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
  return logChoose + k * Math.log(p) + (n - k) * Math.log(1 - p);
}
