import { describe, expect, it } from 'vitest';
import {
  KMEANS_SEGMENTS,
  QUINTILE_SEGMENTS,
  RF_GRID,
  describeRule,
  SEGMENT_RULES,
  quintileSegment,
  segmentOfRanks,
} from '../../../../common/segments';
import { rfmAt } from '../../../../sidecar/src/ml/segmentation/rfm';
import { quintileScores } from '../../../../sidecar/src/ml/segmentation/quintiles';
import { kmeansSegmentation } from '../../../../sidecar/src/ml/segmentation/ranks';
import { mean, optimalPartition, sequencesOf } from './oracle';

const NOW = Date.UTC(2026, 2, 2);

/** ANALYSES.md's rules as an if-chain, written apart from the table in common/. */
function handSegment(r: number, f: number, m: number): string {
  if (r >= 4 && f >= 4 && m >= 4) return 'Champions';
  if (r >= 3 && f >= 4) return 'Loyal Customers';
  if (r >= 4) return 'Potential Loyalist';
  if (r === 3) return 'Need Attention';
  if (r <= 2 && f >= 4 && m >= 4) return "Can't Lose Them";
  if (r <= 2 && f >= 3) return 'At Risk';
  return 'Lost';
}

/** Each segment's own region once earlier rules are taken out, as disjoint conditions. */
const REGIONS: Record<string, (r: number, f: number, m: number) => boolean> = {
  Champions: (r, f, m) => r >= 4 && f >= 4 && m >= 4,
  'Loyal Customers': (r, f, m) => r >= 3 && f >= 4 && !(r >= 4 && m >= 4),
  'Potential Loyalist': (r, f) => r >= 4 && f <= 3,
  'Need Attention': (r, f) => r === 3 && f <= 3,
  "Can't Lose Them": (r, f, m) => r <= 2 && f >= 4 && m >= 4,
  'At Risk': (r, f, m) => r <= 2 && f >= 3 && !(f >= 4 && m >= 4),
  Lost: (r, f) => r <= 2 && f <= 2,
};

describe('the rule table', () => {
  it('gives these customers these segments, first match', () => {
    expect(segmentOfRanks(5, 5, 5)).toBe('Champions');
    expect(segmentOfRanks(4, 4, 3)).toBe('Loyal Customers');
    expect(segmentOfRanks(3, 5, 1)).toBe('Loyal Customers');
    expect(segmentOfRanks(4, 1, 5)).toBe('Potential Loyalist');
    expect(segmentOfRanks(3, 3, 5)).toBe('Need Attention');
    expect(segmentOfRanks(2, 4, 4)).toBe("Can't Lose Them");
    expect(segmentOfRanks(2, 4, 3)).toBe('At Risk');
    expect(segmentOfRanks(1, 3, 1)).toBe('At Risk');
    expect(segmentOfRanks(1, 2, 5)).toBe('Lost');
  });

  it('puts every (r, f, m) in exactly one segment, the one ANALYSES.md names', () => {
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        for (let m = 1; m <= 5; m++) {
          const holding = Object.keys(REGIONS).filter((s) => REGIONS[s]!(r, f, m));
          expect(holding).toHaveLength(1);
          expect(segmentOfRanks(r, f, m)).toBe(holding[0]);
          expect(segmentOfRanks(r, f, m)).toBe(handSegment(r, f, m));
        }
      }
    }
  });

  it('reads as the UI shows it', () => {
    expect(SEGMENT_RULES.map(describeRule)).toEqual([
      'r ≥ 4, f ≥ 4, m ≥ 4',
      'r ≥ 3, f ≥ 4',
      'r ≥ 4',
      'r = 3',
      'r ≤ 2, f ≥ 4, m ≥ 4',
      'r ≤ 2, f ≥ 3',
      'r ≤ 2',
    ]);
  });
});

describe('the k-means scheme on a small shop, against brute force', () => {
  // [days before now, amount]; customers 0–9 have ≥ 2 orders, 10–13 one.
  const shop: Array<Array<[number, number]>> = [
    [
      [1, 300],
      [3, 310],
      [5, 320],
    ],
    [
      [2, 280],
      [6, 290],
    ],
    [
      [4, 40],
      [24, 42],
      [44, 44],
    ],
    [
      [8, 15],
      [68, 16],
    ],
    [
      [30, 310],
      [32, 300],
      [34, 305],
    ],
    [
      [50, 20],
      [110, 22],
    ],
    [
      [60, 100],
      [62, 110],
      [64, 90],
    ],
    [
      [90, 5],
      [180, 6],
    ],
    [
      [120, 60],
      [135, 61],
    ],
    [
      [150, 8],
      [151, 9],
    ],
    [[10, 500]],
    [[29, 7]],
    [[31, 70]],
    [[170, 12]],
  ];
  const rfm = rfmAt(sequencesOf(NOW, shop), NOW, true);
  const segmentation = kmeansSegmentation(rfm, { k: 5, seed: 7, restarts: 10 });

  /** Rank of a value from the optimal partition: clusters ordered by centre, 5 = best. */
  function bruteRank(values: number[], value: number, better: 'lower' | 'higher'): number {
    const groups = optimalPartition(values, 5);
    const byCentre = groups.map((g) => mean(g));
    const position = groups.findIndex((g) => g.includes(value));
    const ascending = byCentre.filter((c) => c < byCentre[position]!).length;
    return better === 'higher' ? ascending + 1 : 5 - ascending;
  }

  it('ranks and segments every customer as brute force does', () => {
    const recency = shop.map((orders) => Math.min(...orders.map((o) => o[0])));
    const monetary = shop.map((orders) => mean(orders.map((o) => o[1])));
    const frequency = shop.map((orders) => {
      const days = orders.map((o) => o[0]);
      return (Math.max(...days) - Math.min(...days)) / (orders.length - 1);
    });
    const repeat = frequency.filter((_, c) => shop[c]!.length >= 2);
    shop.forEach((orders, c) => {
      const r = bruteRank(recency, recency[c]!, 'lower');
      const m = bruteRank(monetary, monetary[c]!, 'higher');
      expect(segmentation.r[c], `customer ${c} r`).toBe(r);
      expect(segmentation.m[c], `customer ${c} m`).toBe(m);
      let expected: string;
      if (orders.length === 1) {
        expected = recency[c]! <= 30 ? 'Newcomers' : 'Lost';
        expect(segmentation.f[c]).toBe(0);
      } else {
        const f = bruteRank(repeat, frequency[c]!, 'lower');
        expect(segmentation.f[c], `customer ${c} f`).toBe(f);
        expected = handSegment(r, f, m);
      }
      expect(KMEANS_SEGMENTS[segmentation.segment[c]!], `customer ${c}`).toBe(expected);
    });
  });

  it('gives monetary rank 5 to the highest spenders and 1 to the lowest (the original inverted it)', () => {
    expect(segmentation.m[10]).toBe(5); // 500 per order
    expect(segmentation.m[7]).toBe(1); // 5.5 per order
    expect(segmentation.m[0]).toBeGreaterThan(segmentation.m[3]!);
    expect(KMEANS_SEGMENTS[segmentation.segment[0]!]).toBe('Champions');
    expect(segmentation.r[0]).toBe(5);
  });

  it('calls one-order customers Newcomers within 30 days of their order, Lost after', () => {
    expect(KMEANS_SEGMENTS[segmentation.segment[10]!]).toBe('Newcomers');
    expect(KMEANS_SEGMENTS[segmentation.segment[11]!]).toBe('Newcomers');
    expect(KMEANS_SEGMENTS[segmentation.segment[12]!]).toBe('Lost');
    expect(KMEANS_SEGMENTS[segmentation.segment[13]!]).toBe('Lost');
  });
});

describe('the quintile scheme', () => {
  // Customer c's last order is c + 1 days ago; order counts tie; total spend distinct.
  const counts = [2, 1, 1, 1, 1, 2, 2, 3, 5, 8];
  const spend = [50, 10, 20, 30, 40, 60, 70, 80, 90, 100];
  const shop = counts.map((n, c) =>
    Array.from({ length: n }, (_, o): [number, number] => [c + 1 + o * 3, spend[c]! / n]),
  );
  const scores = quintileScores(rfmAt(sequencesOf(NOW, shop), NOW, true));

  it('scores R, F (ranked first: ties by order of appearance) and M by quintiles, 5 best', () => {
    expect([...scores.r]).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    // ranks by order count, ties in order: c1..c4 = 1..4, c0 = 5, c5 = 6, c6 = 7, c7..c9 = 8..10
    expect([...scores.f]).toEqual([3, 1, 1, 2, 2, 3, 4, 4, 5, 5]);
    expect([...scores.m]).toEqual([3, 1, 1, 2, 2, 3, 4, 4, 5, 5]);
  });

  it('maps R×F to the 10 segments', () => {
    expect([...scores.segment].map((s) => QUINTILE_SEGMENTS[s])).toEqual([
      'Potential Loyalists',
      'New',
      'Promising',
      'Potential Loyalists',
      'About to Sleep',
      'Need Attention',
      'At Risk',
      'At Risk',
      "Can't Lose",
      "Can't Lose",
    ]);
  });

  it('is the standard R×F map in its usual regex form', () => {
    const map: Array<[RegExp, string]> = [
      [/^[1-2][1-2]$/, 'Hibernating'],
      [/^[1-2][3-4]$/, 'At Risk'],
      [/^[1-2]5$/, "Can't Lose"],
      [/^3[1-2]$/, 'About to Sleep'],
      [/^33$/, 'Need Attention'],
      [/^[3-4][4-5]$/, 'Loyal'],
      [/^41$/, 'Promising'],
      [/^51$/, 'New'],
      [/^[4-5][2-3]$/, 'Potential Loyalists'],
      [/^5[4-5]$/, 'Champions'],
    ];
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        const matches = map.filter(([pattern]) => pattern.test(`${r}${f}`));
        expect(matches).toHaveLength(1);
        expect(quintileSegment(r, f)).toBe(matches[0]![1]);
      }
    }
    expect(new Set(RF_GRID.flat()).size).toBe(10);
  });
});
