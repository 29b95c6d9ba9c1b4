import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  pairedTTest,
  poissonRateTest,
  welchTest,
  wilcoxonSignedRank,
} from '../../../../sidecar/src/ml/abtest/hypothesis_tests';

// Student's sleep data (R `sleep`): extra hours of sleep under drug 1 and drug 2, same 10 patients.
const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('paired t test', () => {
  it('matches R t.test(extra ~ group, data = sleep, paired = TRUE): t = 4.0621, df = 9, p = 0.002833', () => {
    const result = pairedTTest(drug1, drug2);
    expect(result.statistic).toBeCloseTo(4.0621, 4);
    expect(result.df).toBe(9);
    expect(result.p).toBeCloseTo(0.002833, 6);
  });
});

describe('Welch t test', () => {
  it('matches R t.test(extra ~ group, data = sleep): t = 1.8608, df = 17.776, p = 0.07939', () => {
    const result = welchTest(drug1, drug2);
    expect(result.statistic).toBeCloseTo(1.8608, 4);
    expect(result.df).toBeCloseTo(17.776, 3);
    expect(result.p).toBeCloseTo(0.07939, 5);
  });
});

describe('Wilcoxon signed-rank test', () => {
  it('uses the normal form with tie and continuity correction on the sleep data (zero dropped, ties): V = 45, p = 0.009091', () => {
    // R: wilcox.test(drug2, drug1, paired = TRUE, exact = FALSE) → V = 45, p-value = 0.009091
    const result = wilcoxonSignedRank(drug1, drug2);
    expect(result.statistic).toBe(45);
    expect(result.p).toBeCloseTo(0.009091, 6);
  });

  it('is exact for few untied differences (Hollander & Wolfe depression scores): V = 40, p = 0.03906', () => {
    // R: wilcox.test(x, y, paired = TRUE) → V = 40, p-value = 0.03906 (exact: 20 / 512)
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    const result = wilcoxonSignedRank(y, x);
    expect(result.statistic).toBe(40);
    expect(result.p).toBeCloseTo(20 / 512, 10);
  });

  it('gives p = 1 when every difference is zero', () => {
    expect(wilcoxonSignedRank([1, 2, 3], [1, 2, 3]).p).toBe(1);
  });
});

describe('Poisson rate test', () => {
  it('with equal exposure is the binomial test of the split: 10 vs 20 → p = 0.09874 (R binom.test(20, 30))', () => {
    const result = poissonRateTest(10, 20);
    expect(result.statistic).toBe(2);
    expect(result.p).toBeCloseTo(0.09874, 5);
  });

  it('matches R poisson.test(c(11, 21), c(800, 3011)) by exposure (p = 0.07967)', () => {
    // R reports the first count; the test is symmetric in which count is called "after".
    expect(poissonRateTest(21, 11, 3011, 800).p).toBeCloseTo(0.07967, 5);
  });

  it('gives p = 1 when the counts are equal and 0 counts are no evidence', () => {
    expect(poissonRateTest(7, 7).p).toBe(1);
    expect(poissonRateTest(0, 0).p).toBe(1);
  });
});

describe('Benjamini–Hochberg q-values', () => {
  it('match the step-up rule worked by hand (R p.adjust(p, "BH"))', () => {
    // sorted 0.005, 0.01, 0.03, 0.04 → p·m/rank 0.02, 0.02, 0.04, 0.04
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    expect(q[0]).toBeCloseTo(0.02, 12);
    expect(q[1]).toBeCloseTo(0.04, 12);
    expect(q[2]).toBeCloseTo(0.04, 12);
    expect(q[3]).toBeCloseTo(0.02, 12);
  });

  it('take the running minimum from the largest p down', () => {
    // p·m/rank: 0.08, 0.06, 0.046667, 0.5 → the first three all become 0.046667
    const q = benjaminiHochberg([0.02, 0.03, 0.035, 0.5]);
    expect(q.map((v) => Number(v!.toFixed(6)))).toEqual([0.046667, 0.046667, 0.046667, 0.5]);
  });

  it('leave untested entries null and out of the family size', () => {
    expect(benjaminiHochberg([0.01, null, 0.04])).toEqual([0.02, null, 0.04]);
  });
});
