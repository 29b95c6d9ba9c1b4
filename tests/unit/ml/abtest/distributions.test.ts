import { describe, expect, it } from 'vitest';
import { Random } from '../../../../sidecar/src/demo/random';
import {
  chooseDistribution,
  fitDistributions,
} from '../../../../sidecar/src/ml/abtest/distributions';

const N = 3_000;

function draw(seed: string, sample: (random: Random) => number): Float64Array {
  const random = Random.stream(7, seed);
  return Float64Array.from({ length: N }, () => sample(random));
}

/** Knuth's product-of-uniforms Poisson draw (small λ). */
function poisson(random: Random, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let product = random.uniform();
  while (product > limit) {
    k++;
    product *= random.uniform();
  }
  return k;
}

function binomial(random: Random, trials: number, p: number): number {
  let k = 0;
  for (let i = 0; i < trials; i++) if (random.bernoulli(p)) k++;
  return k;
}

describe('the distribution check picks, by AIC, the family a sample was drawn from', () => {
  it.each([
    ['normal', draw('normal', (r) => 50 + 10 * r.normal())],
    ['poisson', draw('poisson', (r) => poisson(r, 3))],
    ['binomial', draw('binomial', (r) => binomial(r, 10, 0.5))],
    ['gamma', draw('gamma', (r) => r.gamma(2, 3))],
    ['beta', draw('beta', (r) => r.beta(2, 5))],
  ])('%s', (family, sample) => {
    expect(chooseDistribution(sample)).toBe(family);
  });

  it('recovers the parameters it was drawn with', () => {
    const gamma = fitDistributions(draw('gamma', (r) => r.gamma(2, 3))).find(
      (f) => f.distribution === 'gamma',
    )!;
    expect(gamma.parameters.shape).toBeCloseTo(2, 0);
    expect(gamma.parameters.scale).toBeCloseTo(3, 0);
    const beta = fitDistributions(draw('beta', (r) => r.beta(2, 5))).find(
      (f) => f.distribution === 'beta',
    )!;
    expect(beta.parameters.alpha).toBeCloseTo(2, 0);
    expect(beta.parameters.beta).toBeCloseTo(5, 0);
  });

  it('fits only the families whose support holds the values', () => {
    // Negative, non-integer values: only the normal applies.
    expect(fitDistributions([-1.5, 0.25, 2.5]).map((f) => f.distribution)).toEqual(['normal']);
    // Normal log-likelihood of [1, 2, 3]: −3/2 (ln(2π · 2/3) + 1) = −3.6486; AIC = 4 + 7.2972.
    const normal = fitDistributions([1, 2, 3]).find((f) => f.distribution === 'normal')!;
    expect(normal.aic).toBeCloseTo(11.2972, 4);
    expect(fitDistributions([4])).toEqual([]);
  });
});
