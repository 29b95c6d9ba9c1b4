/**
 * The gap model's distribution: the scaled log1p gap is Normal(μ, σ²). `logNormalSurvival` is
 * log P(Z > z) for a standard normal, stable far into the tail where 1 − Φ(z) underflows.
 */
export function logNormalSurvival(z: number): number {
  const x = z / Math.SQRT2;
  return x >= 0 ? logErfc(x) - Math.LN2 : Math.log1p(-Math.exp(logErfc(-x)) / 2);
}

/**
 * log erfc(x) for x ≥ 0: Numerical Recipes' erfcc Chebyshev fit (relative error < 1.2e-7 for
 * every x), kept in log form so that erfc(30) ≈ 1e-393 is still a number.
 */
function logErfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t *
                          (-1.13520398 +
                            t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) - x * x + poly;
}

/**
 * E[exp(a·S) | S ≥ threshold] for S ~ Normal(μ, σ²): exp(aμ + a²σ²/2) · P(Z > z − aσ) / P(Z > z)
 * with z = (threshold − μ)/σ, in logs. With a = the scale's std it turns the model's
 * (μ, σ) and a customer's open interval into the expected next gap given the gap is at least that.
 */
export function logTruncatedMeanExp(
  a: number,
  mu: number,
  sigma: number,
  threshold: number,
): number {
  const z = (threshold - mu) / sigma;
  return a * mu + (a * sigma) ** 2 / 2 + logNormalSurvival(z - a * sigma) - logNormalSurvival(z);
}
