import { describe, expect, it } from 'vitest';
import {
  clusterRowSchema,
  histogramRowSchema,
  qualityRowSchema,
  scatterRowSchema,
  weeklySegmentRowSchema,
} from '../../../../common/reports/segments';
import { Random } from '../../../../sidecar/src/demo/random';
import {
  clusterParams,
  clusterRows,
  histogramRows,
  qualityRows,
  scatterRows,
  segmentSizeRows,
} from '../../../../sidecar/src/ml/segmentation/reports';
import {
  DEFAULT_SEGMENTATION,
  segmentSlice,
} from '../../../../sidecar/src/ml/segmentation/segment_slice';
import { weeklySegmentRows } from '../../../../sidecar/src/ml/segmentation/weekly';
import { DAY, adjustedRandIndex, sequencesOf } from './oracle';

const NOW = Date.UTC(2026, 2, 4, 12); // a Wednesday noon

/** Three planted groups: [gap days, spend per order, days since last order]. */
const GROUPS: Array<[number, number, number]> = [
  [3, 200, 2],
  [40, 15, 60],
  [12, 60, 15],
];

function plantedShop(perGroup: number, seed: number) {
  const random = new Random(seed);
  const noise = () => Math.exp(0.15 * random.normal());
  const planted: number[] = [];
  const shop: Array<Array<[number, number]>> = [];
  for (let c = 0; c < perGroup * GROUPS.length; c++) {
    const group = c % GROUPS.length;
    const [gap, spend, recency] = GROUPS[group]!;
    const orders = 3 + random.int(4);
    const last = recency * noise();
    const step = gap * noise();
    shop.push(
      Array.from({ length: orders }, (_, o): [number, number] => [
        last + o * step,
        spend * noise(),
      ]),
    );
    planted.push(group);
  }
  return { shop, planted };
}

describe('the joint view', () => {
  const { shop, planted } = plantedShop(200, 3);
  const slice = segmentSlice(sequencesOf(NOW, shop), NOW);

  it('recovers planted spend/frequency groups (adjusted Rand index ≥ 0.8), k chosen = 3', () => {
    const joint = slice.joint!;
    expect(joint.chosenK).toBe(3);
    const labels = [...joint.rows].map((row, j) => [planted[row]!, joint.model.labels[j]!]);
    const ari = adjustedRandIndex(
      labels.map((l) => l[0]!),
      labels.map((l) => l[1]!),
    );
    expect(ari).toBeGreaterThanOrEqual(0.8);
  });

  it('reports silhouette, Davies–Bouldin and Calinski–Harabasz for every k = 2..8', () => {
    const rows = qualityRows(slice).map((row) => qualityRowSchema.parse(row));
    const candidates = rows.filter((r) => r.clustering === 'joint' && r.fit === 'sample');
    expect(candidates.map((r) => r.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(candidates.filter((r) => r.chosen).map((r) => r.k)).toEqual([3]);
    const best = Math.max(...candidates.map((r) => r.silhouette!));
    expect(candidates.find((r) => r.chosen)!.silhouette).toBe(best);
    for (const r of candidates) {
      expect(r.davies_bouldin).toBeGreaterThan(0);
      expect(r.calinski_harabasz).toBeGreaterThan(0);
    }
    expect(rows.filter((r) => r.fit === 'all').map((r) => r.clustering)).toEqual([
      'recency',
      'frequency',
      'monetary',
      'joint',
    ]);
  });

  it('gives the same segments for the same seed', () => {
    const again = segmentSlice(sequencesOf(NOW, shop), NOW);
    expect([...again.kmeans.segment]).toEqual([...slice.kmeans.segment]);
    expect([...again.quintiles.segment]).toEqual([...slice.quintiles.segment]);
    expect([...again.jointCluster]).toEqual([...slice.jointCluster]);
    expect(scatterRows(again, DEFAULT_SEGMENTATION)).toEqual(
      scatterRows(slice, DEFAULT_SEGMENTATION),
    );
  });
});

describe('segment reports', () => {
  const { shop } = plantedShop(40, 8);
  shop.push([[3, 20]], [[45, 30]], [[10, 5]]); // one-order customers
  const sequences = sequencesOf(NOW, shop);
  const slice = segmentSlice(sequences, NOW);

  it('sizes count every buying customer once per scheme', () => {
    const rows = segmentSizeRows(slice);
    for (const scheme of ['kmeans', 'quintile'] as const) {
      const mine = rows.filter((r) => r.scheme === scheme);
      expect(mine.reduce((s, r) => s + r.customers, 0)).toBe(shop.length);
      expect(mine.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
    }
    expect(rows.find((r) => r.segment === 'Newcomers')!.customers).toBe(2);
  });

  it('clusters and histograms cover each metric’s customers; frequency leaves one-order ones out', () => {
    const clusters = clusterRows(slice).map((r) => clusterRowSchema.parse(r));
    const histogram = histogramRows(slice, 30).map((r) => histogramRowSchema.parse(r));
    const total = (metric: string, rows: Array<{ metric: string; customers: number }>) =>
      rows.filter((r) => r.metric === metric).reduce((s, r) => s + r.customers, 0);
    expect(total('recency', clusters)).toBe(shop.length);
    expect(total('frequency', clusters)).toBe(shop.length - 3);
    expect(total('monetary', histogram)).toBe(shop.length);
    expect(clusters.filter((r) => r.metric === 'monetary').map((r) => r.rank)).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(clusterParams(slice, DEFAULT_SEGMENTATION).recency).toMatchObject({
      clusters: 5,
      note: null,
    });
  });

  it('scatter rows are a sample with null frequency for one-order customers', () => {
    const rows = scatterRows(slice, { ...DEFAULT_SEGMENTATION, scatterSample: 50 });
    expect(rows).toHaveLength(50);
    rows.forEach((r) => scatterRowSchema.parse(r));
    const all = scatterRows(slice, DEFAULT_SEGMENTATION);
    expect(all.filter((r) => r.frequency_days === null)).toHaveLength(3);
  });

  it('weekly sizes: each of the last 12 ended weeks, customers with an order before its end', () => {
    const rows = weeklySegmentRows(sequences, NOW, DEFAULT_SEGMENTATION);
    rows.forEach((r) => weeklySegmentRowSchema.parse(r));
    const periods = [...new Set(rows.map((r) => r.period))];
    expect(periods).toHaveLength(12);
    expect(periods.at(-1)).toBe('2026-02-23'); // the week that ended Monday 2026-03-02
    for (const period of periods) {
      const week = rows.filter((r) => r.period === period && r.scheme === 'kmeans');
      const endMs = Date.parse(week[0]!.evaluated_at);
      expect(endMs).toBe(Date.parse(period) + 7 * DAY);
      const buyers = shop.filter((orders) => orders.some(([d]) => NOW - d * DAY < endMs)).length;
      expect(week.reduce((s, r) => s + r.customers, 0)).toBe(buyers);
    }
  });
});
