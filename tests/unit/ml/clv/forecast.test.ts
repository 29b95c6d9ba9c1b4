import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases } from '../../../../sidecar/src/ml/clv/bgnbd';
import { bgNbdDenominator, numeratorCurve } from '../../../../sidecar/src/ml/clv/forecast';

describe('the BG/NBD horizon curve shared per (x, T)', () => {
  const parameters = { r: 0.24, alpha: 4.41, a: 0.79, b: 2.43 };
  it.each([
    [0, 0, 30],
    [2, 20, 60],
    [7, 50, 51],
    [1, 3, 400],
  ])('numerator(x, T, t) / denominator(x, tX, T) is E[Y(t)] for x=%i tX=%i T=%i', (x, tX, T) => {
    const curve = numeratorCurve(parameters, x, T, 182);
    expect(curve[0]).toBe(0);
    const denominator = bgNbdDenominator(parameters, x, tX, T);
    for (const t of [1, 7, 90, 182]) {
      expect(curve[t]! / denominator).toBe(conditionalExpectedPurchases(parameters, t, x, tX, T));
    }
  });
});
