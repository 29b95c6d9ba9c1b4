import { describe, expect, it } from 'vitest';
import { digamma, trigamma } from '../../../../sidecar/src/ml/abtest/special';
import {
  binomialCdf,
  chiSquareCdf,
  normalTwoSided,
  studentTTwoSided,
} from '../../../../sidecar/src/ml/abtest/cdf';

describe('digamma and trigamma', () => {
  it('match tabulated values (Abramowitz & Stegun)', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649, 9); // −γ
    expect(digamma(0.5)).toBeCloseTo(-1.963510026, 9); // −γ − 2 ln 2
    expect(digamma(10)).toBeCloseTo(2.2517525891, 9);
    expect(trigamma(1)).toBeCloseTo(1.6449340668, 9); // π²/6
    expect(trigamma(0.5)).toBeCloseTo(4.9348022005, 9); // π²/2
    expect(trigamma(10)).toBeCloseTo(0.1051663357, 9);
  });
});

describe('distribution functions from jstat', () => {
  it('match statistical tables', () => {
    expect(normalTwoSided(1.959964)).toBeCloseTo(0.05, 6);
    expect(studentTTwoSided(2.228139, 10)).toBeCloseTo(0.05, 6);
    expect(studentTTwoSided(-2.228139, 10)).toBeCloseTo(0.05, 6);
    expect(chiSquareCdf(3.841459, 1)).toBeCloseTo(0.95, 6);
    // P(X ≤ 10) for Binomial(30, 0.5) = 0.04936857
    expect(binomialCdf(10, 30, 0.5)).toBeCloseTo(0.04936857, 7);
  });
});
