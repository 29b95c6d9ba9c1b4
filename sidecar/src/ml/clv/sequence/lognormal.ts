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

export interface WindowedGap {
  /** P(low ≤ S < high | S ≥ low): the next purchase falls before the horizon ends. */
  probability: number;
  /** E[S | low ≤ S < high] (truncated-normal mean), in the scaled space; `low` when the window is empty. */
  meanInside: number;
}

/**
 * The gap model's answer over the rest of the horizon, for S ~ Normal(μ, σ²): the chance the next
 * purchase happens in [low, high) given none before `low`, and where it falls when it does. The
 * ratio (φ(α) − φ(β)) / (P(Z > α) − P(Z > β)) is taken in logs so that a window far in the tail
 * (a long-lapsed customer) is still a number.
 */
export function windowedGap(mu: number, sigma: number, low: number, high: number): WindowedGap {
  const alpha = (low - mu) / sigma;
  const beta = (high - mu) / sigma;
  if (!(beta > alpha)) return { probability: 0, meanInside: low };
  const logSurvivalAlpha = logNormalSurvival(alpha);
  const stay = Math.exp(logNormalSurvival(beta) - logSurvivalAlpha);
  const probability = 1 - stay;
  if (!(probability > 1e-12)) return { probability: 0, meanInside: low };
  const logDensityAlpha = -(alpha * alpha) / 2 - 0.5 * Math.log(2 * Math.PI);
  const densityRatio = Math.exp((alpha * alpha - beta * beta) / 2);
  const inverseMills = Math.exp(logDensityAlpha - logSurvivalAlpha);
  const meanInside = mu + (sigma * inverseMills * (1 - densityRatio)) / probability;
  return { probability, meanInside: Math.min(Math.max(meanInside, low), high) };
}
