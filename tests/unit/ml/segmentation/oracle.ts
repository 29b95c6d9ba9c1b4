/**
 * Independent, deliberately naive computations the segmentation is checked against: no typed
 * arrays, no prefix sums, no shared code with sidecar/src/ml.
 */
import { PassOrdersBuilder } from '../../../../sidecar/src/analyses/order_sequences';

export const DAY = 86_400_000;

/** Customers as lists of [days before `nowMs`, amount] orders (any order inside a customer). */
export function sequencesOf(nowMs: number, customers: Array<Array<[number, number]>>) {
  const builder = new PassOrdersBuilder();
  customers.forEach((orders, c) => {
    const sorted = [...orders].sort((a, b) => b[0] - a[0]);
    for (const [daysBefore, amount] of sorted) builder.add(c, nowMs - daysBefore * DAY, amount, 0);
  });
  return builder.build();
}

/** The smallest within-cluster sum of squares over every split of sorted values into k runs. */
export function optimalPartition(values: number[], k: number): number[][] {
  const sorted = [...values].sort((a, b) => a - b);
  let best: { cost: number; groups: number[][] } = { cost: Infinity, groups: [] };
  const split = (start: number, left: number, groups: number[][]) => {
    if (left === 1) {
      const all = [...groups, sorted.slice(start)];
      const cost = all.reduce((sum, g) => sum + sse(g), 0);
      if (cost < best.cost - 1e-9) best = { cost, groups: all };
      return;
    }
    for (let end = start + 1; end <= sorted.length - left + 1; end++) {
      split(end, left - 1, [...groups, sorted.slice(start, end)]);
    }
  };
  split(0, k, []);
  return best.groups;
}

export function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function sse(values: number[]): number {
  const m = mean(values);
  return values.reduce((sum, v) => sum + (v - m) ** 2, 0);
}

const euclid = (a: number[], b: number[]) =>
  Math.sqrt(a.reduce((s, v, i) => s + (v - b[i]!) ** 2, 0));

/** Rousseeuw's silhouette, averaged over every point, straight from its definition. */
export function bruteSilhouette(points: number[][], labels: number[]): number {
  const clusters = [...new Set(labels)];
  const scores = points.map((p, i) => {
    const own = labels[i]!;
    const mates = points.filter((_, j) => j !== i && labels[j] === own);
    if (mates.length === 0) return 0;
    const a = mean(mates.map((q) => euclid(p, q)));
    const b = Math.min(
      ...clusters
        .filter((c) => c !== own)
        .map((c) => mean(points.filter((_, j) => labels[j] === c).map((q) => euclid(p, q)))),
    );
    return (b - a) / Math.max(a, b);
  });
  return mean(scores);
}

function centroid(points: number[][]): number[] {
  return points[0]!.map((_, d) => mean(points.map((p) => p[d]!)));
}

export function bruteDaviesBouldin(points: number[][], labels: number[]): number {
  const clusters = [...new Set(labels)];
  const members = clusters.map((c) => points.filter((_, i) => labels[i] === c));
  const centres = members.map(centroid);
  const scatter = members.map((m, c) => mean(m.map((p) => euclid(p, centres[c]!))));
  return mean(
    clusters.map((_, c) =>
      Math.max(
        ...clusters
          .map((__, o) => o)
          .filter((o) => o !== c)
          .map((o) => (scatter[c]! + scatter[o]!) / euclid(centres[c]!, centres[o]!)),
      ),
    ),
  );
}

export function bruteCalinskiHarabasz(points: number[][], labels: number[]): number {
  const clusters = [...new Set(labels)];
  const overall = centroid(points);
  let between = 0;
  let within = 0;
  for (const c of clusters) {
    const m = points.filter((_, i) => labels[i] === c);
    const centre = centroid(m);
    between += m.length * euclid(centre, overall) ** 2;
    within += m.reduce((s, p) => s + euclid(p, centre) ** 2, 0);
  }
  return between / (clusters.length - 1) / (within / (points.length - clusters.length));
}

/** Hubert & Arabie's adjusted Rand index from the contingency table. */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const key = `${a[i]}|${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(a[i]!, (rows.get(a[i]!) ?? 0) + 1);
    cols.set(b[i]!, (cols.get(b[i]!) ?? 0) + 1);
  }
  const index = [...table.values()].reduce((s, n) => s + pairs(n), 0);
  const rowSum = [...rows.values()].reduce((s, n) => s + pairs(n), 0);
  const colSum = [...cols.values()].reduce((s, n) => s + pairs(n), 0);
  const expected = (rowSum * colSum) / pairs(a.length);
  return (index - expected) / ((rowSum + colSum) / 2 - expected);
}
