import { kmeans as mlKmeans } from 'ml-kmeans';
import { describe, expect, it } from 'vitest';
import { Random } from '../../../../sidecar/src/demo/random';
import { lloyd } from '../../../../sidecar/src/ml/segmentation/kmeans';
import {
  clusterOf,
  kmeans1d,
  lloyd1d,
  sortValues,
} from '../../../../sidecar/src/ml/segmentation/kmeans_1d';
import { rankClusters } from '../../../../sidecar/src/ml/segmentation/ranks';
import { orderAmounts, rfmAt } from '../../../../sidecar/src/ml/segmentation/rfm';
import { DAY, optimalPartition, sequencesOf } from './oracle';

const NOW = Date.UTC(2026, 2, 2);

describe('RFM', () => {
  it('is days since the last order, mean days between orders and mean amount', () => {
    const data = sequencesOf(NOW, [
      [
        [100, 10],
        [70, 12],
        [40, 11],
        [10, 13],
      ],
      [[5, 200]],
      [
        [0.5, 30],
        [2.5, 10],
      ],
    ]);
    const rfm = rfmAt(data, NOW, true);
    expect([...rfm.recencyDays]).toEqual([10, 5, 0.5]);
    expect([...rfm.frequencyDays]).toEqual([30, NaN, 2]);
    expect([...rfm.monetary]).toEqual([11.5, 200, 20]);
    expect([...rfm.orderCount]).toEqual([4, 1, 2]);
    expect([...rfm.totalSpend]).toEqual([46, 200, 40]);
    expect(rfm.firstMs[0]).toBe(NOW - 100 * DAY);
  });

  it('as of t uses only orders before t (at t only when inclusive)', () => {
    const data = sequencesOf(NOW, [
      [
        [20, 10],
        [10, 30],
      ],
      [[0, 5]],
    ]);
    const t = NOW - 10 * DAY;
    const before = rfmAt(data, t, false);
    expect([...before.customer]).toEqual([0]);
    expect([...before.orderCount]).toEqual([1]);
    expect([...before.recencyDays]).toEqual([10]);
    expect([...rfmAt(data, t, true).orderCount]).toEqual([2]);
  });

  it('reads amounts kept as integer cents in currency units', () => {
    const data = sequencesOf(NOW, [[[1, 12.34]]]);
    const cents = { ...data, amount: undefined, amountCents: Int32Array.of(1234) };
    expect(Array.from(orderAmounts(cents as never))).toEqual([12.34]);
    const intAmount = { ...data, amount: Int32Array.of(1234) };
    expect(Array.from(orderAmounts(intAmount as never))).toEqual([12.34]);
    expect(rfmAt(cents as never, NOW, true).monetary[0]).toBeCloseTo(12.34, 10);
  });
});

describe('k-means on one metric', () => {
  it('finds the optimal split of small data (exhaustive search over contiguous runs)', () => {
    const values = [1, 2, 2.5, 9, 10, 11, 30, 31, 60, 61, 62, 100, 140, 141];
    const model = kmeans1d(values, { k: 5, seed: 3, restarts: 10 });
    const optimal = optimalPartition(values, 5);
    expect([...model.counts]).toEqual(optimal.map((g) => g.length));
    optimal.forEach((group, c) => {
      expect(model.min[c]).toBe(group[0]);
      expect(model.max[c]).toBe(group[group.length - 1]);
      for (const v of group) expect(clusterOf(model, v)).toBe(c);
    });
  });

  it('runs the same Lloyd iterations as ml-kmeans from the same centres', () => {
    const random = new Random(11);
    const values = Array.from({ length: 400 }, () => random.gamma(2, 15));
    const initial = [3, 10, 20, 40, 80];
    const ours = lloyd1d(sortValues(values), Float64Array.from(initial));
    const theirs = mlKmeans(
      values.map((v) => [v]),
      5,
      { initialization: initial.map((c) => [c]) },
    );
    const theirCentres = theirs.centroids.map((c) => c[0]!);
    theirCentres.forEach((c, j) => expect(ours.centres[j]).toBeCloseTo(c, 9));
    const model = kmeans1d(values, { k: 5, seed: 1, restarts: 1 });
    expect(model.inertia).toBeGreaterThan(0);
  });

  it('gives fewer clusters when a metric has fewer than 5 distinct values', () => {
    const model = kmeans1d([10, 10, 20, 20, 20, 35], { k: 5, seed: 1, restarts: 5 });
    expect([...model.centres]).toEqual([10, 20, 35]);
    expect([...model.counts]).toEqual([2, 3, 1]);
    // three clusters spread over 1–5, best 5
    expect([...rankClusters(model, 'higher')]).toEqual([1, 3, 5]);
    expect([...rankClusters(model, 'lower')]).toEqual([5, 3, 1]);
  });

  it('is deterministic for a seed', () => {
    const random = new Random(5);
    const values = Array.from({ length: 1000 }, () => random.exponential(0.1));
    const a = kmeans1d(values, { k: 5, seed: 9, restarts: 4 });
    const b = kmeans1d(values, { k: 5, seed: 9, restarts: 4 });
    expect([...a.centres]).toEqual([...b.centres]);
  });
});

describe('k-means in several dimensions', () => {
  it('runs the same Lloyd iterations as ml-kmeans from the same centres', () => {
    const random = new Random(21);
    const rows = Array.from({ length: 300 }, (_, i) => [
      random.normal() + (i % 3) * 4,
      random.normal() - (i % 3) * 2,
      random.normal(),
    ]);
    const initial = [rows[0]!, rows[1]!, rows[2]!, rows[3]!];
    const ours = lloyd(
      { data: Float64Array.from(rows.flat()), dims: 3, count: rows.length },
      Float64Array.from(initial.flat()),
    );
    const theirs = mlKmeans(rows, 4, { initialization: initial.map((r) => [...r]) });
    expect([...ours.labels]).toEqual(theirs.clusters);
    theirs.centroids.flat().forEach((c, i) => expect(ours.centres[i]).toBeCloseTo(c, 9));
  });
});
