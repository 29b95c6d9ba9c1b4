import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../../../sidecar/src/ml/clv/bgnbd';
import { fitGammaGamma } from '../../../../sidecar/src/ml/clv/gamma_gamma';
import { agesBetween, simulateBgNbd, simulateMeanAmounts } from './simulate';

const within15Percent = (actual: number, expected: number): void => {
  expect(Math.abs(actual - expected) / expected).toBeLessThan(0.15);
};

describe('maximum likelihood recovers the parameters data were simulated with (n = 5,000)', () => {
  it('BG/NBD: r, α, a, b each within 15 %', () => {
    const truth = { r: 0.5, alpha: 20, a: 1.2, b: 4 };
    const ages = agesBetween(5000, 200, 600, 14);
    const histories = simulateBgNbd(truth, ages, 14);
    const data = {
      x: histories.map((times) => times.length - 1),
      tX: histories.map((times) => times[times.length - 1]!),
      T: ages,
    };
    const fit = fitBgNbd(data);
    expect(fit.converged).toBe(true);
    within15Percent(fit.parameters.r, truth.r);
    within15Percent(fit.parameters.alpha, truth.alpha);
    within15Percent(fit.parameters.a, truth.a);
    within15Percent(fit.parameters.b, truth.b);
  }, 30_000); // a 5,000-customer fit: seconds, more on a busy 2-core host

  it('Gamma-Gamma: p, q, v each within 15 %', () => {
    const truth = { p: 6, q: 4, v: 15 };
    const counts = Array.from({ length: 5000 }, (_, i) => 1 + (i % 10));
    const meanAmount = simulateMeanAmounts(truth, counts, 14);
    const fit = fitGammaGamma({ x: counts, meanAmount });
    expect(fit.converged).toBe(true);
    within15Percent(fit.parameters.p, truth.p);
    within15Percent(fit.parameters.q, truth.q);
    within15Percent(fit.parameters.v, truth.v);
  }, 30_000); // a 5,000-customer fit: seconds, more on a busy 2-core host

  it('the same data give the same fit, bit for bit', () => {
    const truth = { r: 0.5, alpha: 20, a: 1.2, b: 4 };
    const ages = agesBetween(500, 200, 600, 3);
    const run = () => {
      const histories = simulateBgNbd(truth, ages, 3);
      return fitBgNbd({
        x: histories.map((t) => t.length - 1),
        tX: histories.map((t) => t[t.length - 1]!),
        T: ages,
      });
    };
    expect(run()).toEqual(run());
  }, 30_000); // a 5,000-customer fit: seconds, more on a busy 2-core host
});
