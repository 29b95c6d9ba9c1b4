/**
 * Digamma ψ and trigamma ψ′, which jstat lacks; the gamma and beta maximum-likelihood fits need
 * them. Recurrence up to x ≥ 6, then the asymptotic series (Abramowitz & Stegun 6.3.18, 6.4.12);
 * checked against known values in tests/unit/ml/abtest/special.test.ts.
 */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN;
  let shift = 0;
  while (x < 6) {
    shift -= 1 / x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series =
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))));
  return shift + Math.log(x) - 0.5 * inv - series;
}

export function trigamma(x: number): number {
  if (!(x > 0)) return NaN;
  let shift = 0;
  while (x < 6) {
    shift += 1 / (x * x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series =
    inv +
    inv2 / 2 +
    inv * inv2 * (1 / 6 - inv2 * (1 / 30 - inv2 * (1 / 42 - inv2 * (1 / 30 - (inv2 * 5) / 66))));
  return shift + series;
}
