import { describe, expect, it } from 'vitest';
import {
  bgNbdCustomerLogLikelihood,
  bgNbdLogLikelihood,
  conditionalExpectedPurchases,
  probabilityAlive,
} from '../../../../sidecar/src/ml/clv/bgnbd';
import {
  conditionalExpectedSpend,
  gammaGammaCustomerLogLikelihood,
} from '../../../../sidecar/src/ml/clv/gamma_gamma';
import { hyp2f1 } from '../../../../sidecar/src/ml/clv/hypergeometric';

/**
 * Brute-force oracle: the BG/NBD individual model (paper §3) integrated over λ ~ Gamma(r, α) and
 * p ~ Beta(a, b) on a midpoint grid. Unnormalised densities suffice: the quantities are ratios.
 */
function posteriorIntegrals(
  r: number,
  alpha: number,
  a: number,
  b: number,
  x: number,
  tX: number,
  T: number,
  t: number,
) {
  const lambdaSteps = 6000;
  const pSteps = 1000;
  // The posterior of λ decays at least like e^{−λ(α + tX)} (e^{−λ(α + T)} when x = 0, which has
  // no drop-out term): beyond this bound it is negligible.
  const lambdaMax = (r + x + 40) / (alpha + (x > 0 ? tX : T));
  let likelihood = 0;
  let aliveLikelihood = 0;
  let expectedPurchases = 0;
  for (let i = 0; i < lambdaSteps; i++) {
    const lambda = ((i + 0.5) * lambdaMax) / lambdaSteps;
    const lambdaWeight = lambda ** (r - 1) * Math.exp(-alpha * lambda);
    for (let j = 0; j < pSteps; j++) {
      const p = (j + 0.5) / pSteps;
      const weight = lambdaWeight * p ** (a - 1) * (1 - p) ** (b - 1);
      const alive = (1 - p) ** x * lambda ** x * Math.exp(-lambda * T);
      const dead = x > 0 ? p * (1 - p) ** (x - 1) * lambda ** x * Math.exp(-lambda * tX) : 0;
      likelihood += weight * (alive + dead);
      aliveLikelihood += weight * alive;
      // Alive at T, a customer's expected purchases in t are (1 − e^{−λpt}) / p (paper eq. 7).
      expectedPurchases += weight * alive * ((1 - Math.exp(-lambda * p * t)) / p);
    }
  }
  return {
    pAlive: aliveLikelihood / likelihood,
    expectedPurchases: expectedPurchases / likelihood,
  };
}

describe('BG/NBD log-likelihood', () => {
  it('equals the paper’s eq. 6 written out with factorials (r = 2, α = 5, a = 3, b = 4)', () => {
    const parameters = { r: 2, alpha: 5, a: 3, b: 4 };
    // B(3,6)/B(3,4) = 5/14, B(4,5)/B(3,4) = 3/14, Γ(4)/Γ(2) = 6, α^r = 25.
    const repeat = (5 / 14) * ((6 * 25) / 15 ** 4) + (3 / 14) * ((6 * 25) / 8 ** 4);
    expect(bgNbdCustomerLogLikelihood(parameters, 2, 3, 10)).toBeCloseTo(Math.log(repeat), 12);
    // x = 0: only the survival term, (α / (α + T))^r.
    expect(bgNbdCustomerLogLikelihood(parameters, 0, 0, 10)).toBeCloseTo(Math.log(1 / 9), 12);
  });

  it('sums eq. 6 over customers, repeated (x, tX, T) counted once each time they occur', () => {
    const parameters = { r: 2, alpha: 5, a: 3, b: 4 };
    const repeatAt = (T: number) =>
      (5 / 14) * ((6 * 25) / (5 + T) ** 4) + (3 / 14) * ((6 * 25) / 8 ** 4);
    const data = {
      x: [2, 0, 2, 2, 0, 2],
      tX: [3, 0, 3, 3, 0, 3],
      T: [10, 10, 10, 11, 10, 10],
    };
    const expected = 3 * Math.log(repeatAt(10)) + Math.log(repeatAt(11)) + 2 * Math.log(1 / 9);
    expect(bgNbdLogLikelihood(parameters, data)).toBeCloseTo(expected, 10);
  });

  it('stays finite where the direct product underflows (x = 400, T = 5,000)', () => {
    const value = bgNbdCustomerLogLikelihood(
      { r: 0.24, alpha: 4.4, a: 0.8, b: 2.4 },
      400,
      4900,
      5000,
    );
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeLessThan(-745); // e^value is below the smallest double
  });
});

describe('P(alive) and conditional expected purchases', () => {
  it('P(alive) = 1 / (1 + a/(b+x−1) · ((α+T)/(α+tX))^(r+x)) on a hand-computed case', () => {
    const parameters = { r: 2, alpha: 5, a: 3, b: 4 };
    expect(probabilityAlive(parameters, 2, 3, 10)).toBeCloseTo(1 / (1 + 0.6 * (15 / 8) ** 4), 12);
    expect(probabilityAlive(parameters, 0, 0, 10)).toBe(1);
  });

  it.each([
    { r: 2, alpha: 5, a: 3, b: 4, x: 2, tX: 3, T: 10, t: 8 },
    { r: 1.5, alpha: 2, a: 1.5, b: 2.5, x: 4, tX: 20, T: 30, t: 26 },
    { r: 1.5, alpha: 2, a: 1.5, b: 2.5, x: 0, tX: 0, T: 12, t: 40 },
  ])(
    'match the model integrated over λ and p: %o',
    ({ r, alpha, a, b, x, tX, T, t }) => {
      const oracle = posteriorIntegrals(r, alpha, a, b, x, tX, T, t);
      const parameters = { r, alpha, a, b };
      expect(probabilityAlive(parameters, x, tX, T)).toBeCloseTo(oracle.pAlive, 4);
      expect(conditionalExpectedPurchases(parameters, t, x, tX, T)).toBeCloseTo(
        oracle.expectedPurchases,
        3,
      );
    },
    30_000,
  ); // numerical integration over λ and p: seconds, more on a busy 2-core host
});

describe('Gamma-Gamma', () => {
  it('log-likelihood equals the density of the mean amount integrated over ν', () => {
    const [p, q, v, x, meanAmount] = [2, 3, 4, 2, 5];
    // m̄ | ν ~ Gamma(px, rate xν); ν ~ Gamma(q, rate v): integrate on a midpoint grid.
    let density = 0;
    const steps = 200_000;
    const nuMax = 20;
    for (let i = 0; i < steps; i++) {
      const nu = ((i + 0.5) * nuMax) / steps;
      const given =
        ((x * nu) ** (p * x) * meanAmount ** (p * x - 1) * Math.exp(-x * nu * meanAmount)) / 6; // Γ(4)
      const prior = (v ** q * nu ** (q - 1) * Math.exp(-v * nu)) / 2; // Γ(3)
      density += (given * prior * nuMax) / steps;
    }
    expect(gammaGammaCustomerLogLikelihood({ p, q, v }, x, meanAmount)).toBeCloseTo(
      Math.log(density),
      8,
    );
  });

  it('expected spend shrinks the customer’s mean toward p·v/(q−1) by weight px/(px+q−1)', () => {
    // Population mean 2·4/2 = 4; weight 4/(4+2) = 2/3 on the customer's 10.
    expect(conditionalExpectedSpend({ p: 2, q: 3, v: 4 }, 2, 10)).toBeCloseTo(4 / 3 + 20 / 3, 12);
    expect(conditionalExpectedSpend({ p: 2, q: 3, v: 4 }, 0, 0)).toBeCloseTo(4, 12);
  });
});

describe('hyp2f1', () => {
  it('matches closed forms: ₂F₁(1,1;2;z) = −ln(1−z)/z and ₂F₁(a,b;b;z) = (1−z)^−a', () => {
    expect(hyp2f1(1, 1, 2, 0.5)).toBeCloseTo(2 * Math.log(2), 13);
    expect(hyp2f1(1, 1, 2, 0.95)).toBeCloseTo(-Math.log(0.05) / 0.95, 11);
    expect(hyp2f1(2.5, 1.7, 1.7, 0.8)).toBeCloseTo(0.2 ** -2.5, 10);
  });
});
