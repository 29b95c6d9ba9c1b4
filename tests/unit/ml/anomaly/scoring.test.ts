import { describe, expect, it } from 'vitest';
import { anomalyScore } from '../../../../common/reports/anomalies';
import {
  median,
  medianAbsoluteDeviation,
  scoreErrors,
} from '../../../../sidecar/src/ml/anomaly/scoring';
import {
  countError,
  sameWeekdayTypical,
  trendExpected,
  weekdaySeries,
} from '../../../../sidecar/src/ml/anomaly/weekday_baseline';

/** Brute force: each error's z from a hand-sorted median and MAD, then the score's formula. */
function bruteForce(errors: number[], k: number) {
  const sorted = [...errors].sort((a, b) => a - b);
  const n = sorted.length;
  const med = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  const deviations = errors.map((e) => Math.abs(e - med)).sort((a, b) => a - b);
  const mad = n % 2 ? deviations[(n - 1) / 2]! : (deviations[n / 2 - 1]! + deviations[n / 2]!) / 2;
  return errors.map((e) => {
    const z = Math.max(0, (e - med) / mad);
    return { score: 100 * (1 - 2 ** (-z / k)), anomalous: e > med + k * mad };
  });
}

describe('MAD threshold and score', () => {
  // errors 1, 2, 3, 4, 100: median 3; deviations 2, 1, 0, 1, 97 → MAD 1; threshold 3 + 3.5 = 6.5
  const errors = [1, 2, 3, 4, 100];

  it('median and MAD of a small series, by hand', () => {
    expect(median(errors)).toBe(3);
    expect(medianAbsoluteDeviation(errors)).toBe(1);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(medianAbsoluteDeviation([4, 1, 3, 2])).toBe(1);
  });

  it('a point is anomalous exactly when error > median + k × MAD, i.e. score > 50', () => {
    const scored = scoreErrors(errors, 3.5);
    expect(scored.threshold).toBe(6.5);
    expect(scored.anomalous).toEqual([false, false, false, false, true]);
    // z = 97 → 100 × (1 − 2^(−97/3.5)); z = 1 → 100 × (1 − 2^(−2/7)) = 17.966…; below median → 0
    expect(scored.scores[4]).toBeCloseTo(100 * (1 - 2 ** (-97 / 3.5)), 10);
    expect(scored.scores[3]).toBeCloseTo(17.9665, 3);
    expect(scored.scores.slice(0, 3)).toEqual([0, 0, 0]);
    expect(anomalyScore(6.5, 3, 1, 3.5)).toBeCloseTo(50, 10);
  });

  it('matches a brute-force computation on a small series, for several k', () => {
    const series = [0.8, 1.1, 0.9, 1.0, 1.3, 0.7, 4.2, 1.05, 0.95, 2.6, 1.2, 0.85];
    for (const k of [2, 3.5, 5]) {
      const expected = bruteForce(series, k);
      const scored = scoreErrors(series, k);
      expected.forEach((e, i) => {
        expect(scored.scores[i]).toBeCloseTo(e.score, 10);
        expect(scored.anomalous[i]).toBe(e.anomalous);
      });
    }
  });

  it('null errors take no part and are never anomalous; MAD 0 flags only errors above the median', () => {
    const scored = scoreErrors([null, 2, 2, 2, 5, null], 3.5);
    expect(scored.median).toBe(2);
    expect(scored.mad).toBe(0);
    expect(scored.anomalous).toEqual([false, false, false, false, true, false]);
    expect(scored.scores).toEqual([0, 0, 0, 0, 100, 0]);
  });
});

describe('same-weekday baseline', () => {
  // 5 weeks: day d has value 10 × (week + 1) + weekday; day 28 (week 4, weekday 0) averages
  // days 0, 7, 14, 21: 10, 20, 30, 40 → 25.
  const values = Array.from({ length: 35 }, (_, d) => 10 * (Math.floor(d / 7) + 1) + (d % 7));

  it('is null for the first 4 weeks and the mean of the 4 previous same weekdays after', () => {
    const typical = sameWeekdayTypical(values);
    expect(typical.slice(0, 28).every((t) => t === null)).toBe(true);
    expect(typical[28]).toBe(25);
    expect(typical[34]).toBe(31); // days 6, 13, 20, 27: 16, 26, 36, 46
  });

  it('leaves excluded days out of the mean', () => {
    const excluded: boolean[] = [];
    excluded[7] = true; // day 28 then averages days 0, 14, 21: 10, 30, 40
    expect(sameWeekdayTypical(values, excluded)[28]).toBeCloseTo(80 / 3, 12);
  });

  it('scales the typical value by Σ actual / Σ typical over the previous 7 days', () => {
    const typical = [null, 10, 10, 10, 20];
    const values = [0, 12, 15, 11, 30];
    // day 1: no ratio yet → 10; day 2: 12/10 → 12; day 3: 27/20 → 13.5; day 4: 38/30 → 25.33…
    const expected = trendExpected(values, typical);
    expect(expected[0]).toBeNull();
    [10, 12, 13.5, 76 / 3].forEach((e, i) => expect(expected[i + 1]).toBeCloseTo(e, 12));
    // day 2 excluded (anomalous): day 4 from days 1 and 3, 23/20 → 23
    expect(trendExpected(values, typical, [false, false, true])[4]).toBeCloseTo(23, 12);
  });

  it('a sparse series (under one order a day) is not scored; the MAD has a noise floor', () => {
    const sparse = Array.from({ length: 84 }, (_, d) => (d % 13 === 0 ? 1 : 0));
    const series = weekdaySeries(sparse);
    expect(series.sparse).toBe(true);
    expect(series.anomalous.some(Boolean)).toBe(false);
    expect(series.scores.every((s) => s === 0)).toBe(true);
    expect(weekdaySeries(sparse.map((v) => v + 1)).sparse).toBe(false);
    // median 0, MAD 0 → floored at 0.18: 0.5 < 0 + 3.5 × 0.18 = 0.63
    expect(scoreErrors([0, 0, 0, 0.5], 3.5, 0.18).anomalous).toEqual([false, false, false, false]);
    expect(scoreErrors([0, 0, 0, 0.5], 3.5).anomalous).toEqual([false, false, false, true]);
  });

  it('error: √|√actual − √expected|', () => {
    expect(countError(49, 25)).toBeCloseTo(Math.SQRT2, 12);
    expect(countError(4, 16)).toBeCloseTo(Math.SQRT2, 12);
    expect(countError(9, null)).toBeNull();
  });

  it('a planted spike is the anomalous day, and stays out of the next weeks’ baselines', () => {
    const flat = Array.from({ length: 70 }, (_, d) => 100 + ((d * 7) % 5)); // 100..104
    flat[40] = 300;
    const series = weekdaySeries(flat);
    expect(series.anomalous.map((a, d) => (a ? d : -1)).filter((d) => d >= 0)).toEqual([40]);
    // day 47's previous same weekdays 40, 33, 26, 19 without the spike: (flat[33..19]) / 3
    expect(series.typical[47]).toBeCloseTo((flat[33]! + flat[26]! + flat[19]!) / 3, 12);
    expect(series.pctChange[40]).toBeCloseTo(300 / series.typical[40]! - 1, 12);
  });
});
