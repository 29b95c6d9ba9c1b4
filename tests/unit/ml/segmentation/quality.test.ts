import { describe, expect, it } from 'vitest';
import { Random } from '../../../../sidecar/src/demo/random';
import {
  calinskiHarabasz,
  daviesBouldin,
  sampleIndices,
  silhouettes,
} from '../../../../sidecar/src/ml/segmentation/quality';
import { bruteCalinskiHarabasz, bruteDaviesBouldin, bruteSilhouette } from './oracle';

const random = new Random(17);
const rows = Array.from({ length: 40 }, (_, i) => [
  random.normal() + (i % 3) * 3,
  random.normal() * 0.5 - (i % 4),
]);
const points = { data: Float64Array.from(rows.flat()), dims: 2, count: rows.length };
const labellings = [
  rows.map((_, i) => i % 3),
  rows.map((_, i) => i % 4),
  rows.map((r) => (r[0]! > 3 ? 1 : 0)),
  rows.map((_, i) => (i === 0 ? 2 : i % 2)), // cluster 2 is a single point
];

describe('cluster quality indices vs their textbook formulas', () => {
  it('silhouette of several labellings at once', () => {
    const ours = silhouettes(
      points,
      labellings.map((l) => Int32Array.from(l)),
    );
    labellings.forEach((labels, l) =>
      expect(ours[l]).toBeCloseTo(bruteSilhouette(rows, labels), 10),
    );
  });

  it('silhouette in one dimension (the sorted prefix-sum path)', () => {
    const values = rows.map((r) => r[0]!);
    const line = { data: Float64Array.from(values), dims: 1, count: values.length };
    for (const labels of labellings) {
      const [ours] = silhouettes(line, [Int32Array.from(labels)]);
      expect(ours).toBeCloseTo(
        bruteSilhouette(
          values.map((v) => [v]),
          labels,
        ),
        10,
      );
    }
  });

  it('Davies–Bouldin and Calinski–Harabasz', () => {
    for (const labels of labellings) {
      const typed = Int32Array.from(labels);
      expect(daviesBouldin(points, typed)).toBeCloseTo(bruteDaviesBouldin(rows, labels), 10);
      expect(calinskiHarabasz(points, typed)).toBeCloseTo(bruteCalinskiHarabasz(rows, labels), 8);
    }
  });

  it('are undefined for a single cluster', () => {
    const one = new Int32Array(rows.length);
    expect(silhouettes(points, [one])).toEqual([null]);
    expect(daviesBouldin(points, one)).toBeNull();
    expect(calinskiHarabasz(points, one)).toBeNull();
  });

  it('worked example: two tight pairs on a line', () => {
    // points 0, 1 | 10, 11: a = 1 for each, b = 10 or 9 / 11 ... mean over the four
    const line = { data: Float64Array.of(0, 1, 10, 11), dims: 1, count: 4 };
    const labels = Int32Array.of(0, 0, 1, 1);
    const expected = (1 - 1 / 10.5 + (1 - 1 / 9.5) + (1 - 1 / 9.5) + (1 - 1 / 10.5)) / 4;
    expect(silhouettes(line, [labels])[0]).toBeCloseTo(expected, 12);
    // scatter 0.5 each, centres 0.5 and 10.5: DB = (0.5 + 0.5) / 10
    expect(daviesBouldin(line, labels)).toBeCloseTo(0.1, 12);
    // between 4 · 5² = 100 over 1; within 4 · 0.25 = 1 over 2 → 200
    expect(calinskiHarabasz(line, labels)).toBeCloseTo(200, 9);
  });
});

describe('seeded samples', () => {
  it('take at most the limit, distinct, the same for the same seed', () => {
    const a = sampleIndices(1000, 100, new Random(1));
    expect(a).toHaveLength(100);
    expect(new Set(a).size).toBe(100);
    expect([...a]).toEqual([...sampleIndices(1000, 100, new Random(1))]);
    expect([...sampleIndices(5, 100, new Random(1))]).toEqual([0, 1, 2, 3, 4]);
  });
});
