import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../../../sidecar/src/ml/clv/nelder_mead';

describe('nelderMead', () => {
  it('finds the minimum of Rosenbrock’s valley at (1, 1) from (−1.2, 1)', () => {
    const rosenbrock = ([x, y]: readonly number[]) => 100 * (y! - x! ** 2) ** 2 + (1 - x!) ** 2;
    const minimum = nelderMead(rosenbrock, [-1.2, 1], { tolerance: 1e-12 });
    expect(minimum.converged).toBe(true);
    expect(minimum.point[0]).toBeCloseTo(1, 5);
    expect(minimum.point[1]).toBeCloseTo(1, 5);
  });

  it('minimises a 4-d quadratic to its centre and treats non-finite values as worse', () => {
    const centre = [3, -2, 0.5, 7];
    const bowl = (p: readonly number[]) =>
      p[0]! < -10 ? NaN : p.reduce((s, v, i) => s + (i + 1) * (v - centre[i]!) ** 2, 0);
    const minimum = nelderMead(bowl, [0, 0, 0, 0]);
    minimum.point.forEach((v, i) => expect(v).toBeCloseTo(centre[i]!, 4));
  });
});
