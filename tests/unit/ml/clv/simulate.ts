import { Random } from '../../../../sidecar/src/demo/random';
import type { BgNbdParameters } from '../../../../sidecar/src/ml/clv/bgnbd';
import type { GammaGammaParameters } from '../../../../sidecar/src/ml/clv/gamma_gamma';

/**
 * Customers drawn from the BG/NBD story itself (Fader, Hardie & Lee 2005 §3): λ ~ Gamma(r, 1/α),
 * p ~ Beta(a, b); Poisson purchases while alive, dropping out after each repeat purchase with
 * probability p. Each purchase time is returned, the first at 0, up to age T.
 */
export function simulateBgNbd(
  { r, alpha, a, b }: BgNbdParameters,
  ages: readonly number[],
  seed: number,
): number[][] {
  const random = Random.stream(seed, 'bgnbd');
  return ages.map((T) => {
    const rate = random.gamma(r, 1 / alpha);
    const dropout = random.beta(a, b);
    const times = [0];
    let time = 0;
    for (;;) {
      time += random.exponential(rate);
      if (time > T) break;
      times.push(time);
      if (random.bernoulli(dropout)) break;
    }
    return times;
  });
}

/** Mean amount of `count` orders, each Gamma(p, 1/ν), with ν ~ Gamma(q, 1/v) per customer. */
export function simulateMeanAmounts(
  { p, q, v }: GammaGammaParameters,
  counts: readonly number[],
  seed: number,
): number[] {
  const random = Random.stream(seed, 'gamma-gamma');
  return counts.map((count) => {
    const nu = random.gamma(q, 1 / v);
    let total = 0;
    for (let k = 0; k < count; k++) total += random.gamma(p, 1 / nu);
    return total / count;
  });
}

export function agesBetween(n: number, from: number, to: number, seed: number): number[] {
  const random = Random.stream(seed, 'ages');
  return Array.from({ length: n }, () => from + (to - from) * random.uniform());
}
