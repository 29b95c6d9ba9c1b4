/**
 * Gauss hypergeometric ₂F₁(a, b; c; z) by its power series, for 0 ≤ z < 1 — the only range the
 * BG/NBD conditional expectation needs (z = t / (α + T + t)). The terms are summed until they
 * stop changing the total; for z close to 1 that takes more terms, never a different formula.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) {
    throw new RangeError(`hyp2f1: z = ${z} is outside [0, 1), where the series converges`);
  }
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 1_000_000; n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
    if (Math.abs(term) <= 1e-15 * Math.abs(sum)) return sum;
  }
  throw new RangeError(`hyp2f1(${a}, ${b}; ${c}; ${z}) did not converge in 1,000,000 terms`);
}
