import type { Random } from '../../demo/random';
import type { Points } from './kmeans';

/**
 * Cluster quality indices, as scikit-learn defines them: silhouette (Rousseeuw 1987),
 * Davies–Bouldin (1979, Euclidean scatter and centroid distance), Calinski–Harabasz (1974).
 */

/** Up to `max` distinct indices of 0..n-1, chosen by a partial Fisher–Yates shuffle, ascending. */
export function sampleIndices(n: number, max: number, random: Random): Int32Array {
  if (n <= max) return Int32Array.from({ length: n }, (_, i) => i);
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < max; i++) {
    const j = i + random.int(n - i);
    const swap = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = swap;
  }
  return pool.slice(0, max).sort();
}

/** The rows `indices` of `points`, as points of their own. */
export function subset(points: Points, indices: Int32Array): Points {
  const { dims } = points;
  const data = new Float64Array(indices.length * dims);
  indices.forEach((row, i) =>
    data.set(points.data.subarray(row * dims, row * dims + dims), i * dims),
  );
  return { data, dims, count: indices.length };
}

function clusterCount(labels: Int32Array): number {
  let k = 0;
  for (const label of labels) k = Math.max(k, label + 1);
  return k;
}

/** s(i) = (b − a) / max(a, b) from i's summed distances to each cluster (0 alone in its own). */
function silhouetteOf(sums: Float64Array, offset: number, sizes: Int32Array, own: number): number {
  if (sizes[own] === 1) return 0;
  const a = sums[offset + own]! / (sizes[own]! - 1);
  let b = Infinity;
  for (let c = 0; c < sizes.length; c++) {
    if (c !== own && sizes[c]! > 0) b = Math.min(b, sums[offset + c]! / sizes[c]!);
  }
  const spread = Math.max(a, b);
  return spread === 0 ? 0 : (b - a) / spread;
}

function clusterSizes(labels: Int32Array): Int32Array {
  const sizes = new Int32Array(clusterCount(labels));
  for (const label of labels) sizes[label]!++;
  return sizes;
}

/**
 * Mean silhouette of `points` under each of several labellings at once: s(i) = (b − a) /
 * max(a, b) with a the mean distance to the other members of i's cluster and b the smallest mean
 * distance to another cluster; 0 for a point alone in its cluster. Each row of distances is
 * computed once and summed per cluster for every labelling. Null when a labelling has fewer than
 * 2 non-empty clusters.
 */
export function silhouettes(points: Points, labellings: Int32Array[]): Array<number | null> {
  if (points.dims === 1) return labellings.map((labels) => silhouette1d(points.data, labels));
  const { data, dims, count: n } = points;
  const sizes = labellings.map(clusterSizes);
  const offsets: number[] = [];
  let width = 0;
  for (const size of sizes) {
    offsets.push(width);
    width += size.length;
  }
  const { groupOf, groupSlots } = labelGroups(labellings, offsets);
  const groupSums = new Float64Array(groupSlots.length / labellings.length);
  const sums = new Float64Array(width);
  const totals = new Float64Array(labellings.length);
  for (let i = 0; i < n; i++) {
    groupSums.fill(0);
    for (let j = 0; j < n; j++) {
      let d2 = 0;
      for (let d = 0; d < dims; d++) {
        const diff = data[i * dims + d]! - data[j * dims + d]!;
        d2 += diff * diff;
      }
      groupSums[groupOf[j]!]! += Math.sqrt(d2);
    }
    sums.fill(0);
    for (let g = 0; g < groupSums.length; g++) {
      for (let l = 0; l < labellings.length; l++) {
        sums[groupSlots[g * labellings.length + l]!]! += groupSums[g]!;
      }
    }
    labellings.forEach((labels, l) => {
      totals[l]! += silhouetteOf(sums, offsets[l]!, sizes[l]!, labels[i]!);
    });
  }
  return labellings.map((_, l) =>
    sizes[l]!.filter((size) => size > 0).length < 2 ? null : totals[l]! / n,
  );
}

/**
 * Points with the same cluster in every labelling have the same distance sums per cluster, so
 * each row sums distances once per such group (k-means fits for nearby k nest closely: a few
 * hundred groups, not n) and the groups' sums go to each labelling's clusters after.
 */
function labelGroups(labellings: Int32Array[], offsets: number[]) {
  const n = labellings[0]?.length ?? 0;
  const ids = new Map<string, number>();
  const groupOf = new Int32Array(n);
  const slots: number[] = [];
  for (let j = 0; j < n; j++) {
    const key = labellings.map((labels) => labels[j]).join(',');
    let group = ids.get(key);
    if (group === undefined) {
      group = ids.size;
      ids.set(key, group);
      labellings.forEach((labels, l) => slots.push(offsets[l]! + labels[j]!));
    }
    groupOf[j] = group;
  }
  return { groupOf, groupSlots: Int32Array.from(slots) };
}

/**
 * The same silhouette in one dimension, exactly and in O(n k log n): with each cluster's values
 * sorted and summed, Σ|x − y| over a cluster is two prefix sums split at x.
 */
function silhouette1d(values: Float64Array, labels: Int32Array): number | null {
  const sizes = clusterSizes(labels);
  if (sizes.filter((size) => size > 0).length < 2) return null;
  const members = [...sizes].map((size) => new Float64Array(size));
  const filled = new Int32Array(sizes.length);
  values.forEach((value, i) => (members[labels[i]!]![filled[labels[i]!]!++] = value));
  const prefixes = members.map((sorted) => {
    sorted.sort();
    const prefix = new Float64Array(sorted.length + 1);
    sorted.forEach((value, i) => (prefix[i + 1] = prefix[i]! + value));
    return prefix;
  });
  const sums = new Float64Array(sizes.length);
  let total = 0;
  values.forEach((x, i) => {
    members.forEach((sorted, c) => {
      const prefix = prefixes[c]!;
      const below = lowerBound(sorted, x);
      const m = sorted.length;
      sums[c] = x * below - prefix[below]! + (prefix[m]! - prefix[below]!) - x * (m - below);
    });
    total += silhouetteOf(sums, 0, sizes, labels[i]!);
  });
  return total / values.length;
}

function lowerBound(sorted: Float64Array, target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Centroids {
  k: number;
  sizes: Int32Array;
  centres: Float64Array;
  overall: Float64Array;
}

function centroids(points: Points, labels: Int32Array): Centroids {
  const { data, dims, count } = points;
  const k = clusterCount(labels);
  const sizes = new Int32Array(k);
  const centres = new Float64Array(k * dims);
  const overall = new Float64Array(dims);
  for (let i = 0; i < count; i++) {
    sizes[labels[i]!]!++;
    for (let d = 0; d < dims; d++) {
      centres[labels[i]! * dims + d]! += data[i * dims + d]!;
      overall[d]! += data[i * dims + d]!;
    }
  }
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < dims; d++) if (sizes[c]! > 0) centres[c * dims + d]! /= sizes[c]!;
  }
  for (let d = 0; d < dims; d++) overall[d]! /= count;
  return { k, sizes, centres, overall };
}

function distance(a: Float64Array, i: number, b: Float64Array, j: number, dims: number): number {
  let d2 = 0;
  for (let d = 0; d < dims; d++) d2 += (a[i * dims + d]! - b[j * dims + d]!) ** 2;
  return Math.sqrt(d2);
}

/** Mean over clusters of the worst (s_i + s_j) / d(c_i, c_j); null with < 2 clusters. */
export function daviesBouldin(points: Points, labels: Int32Array): number | null {
  const { dims } = points;
  const { k, sizes, centres } = centroids(points, labels);
  const scatter = new Float64Array(k);
  for (let i = 0; i < points.count; i++) {
    scatter[labels[i]!]! += distance(points.data, i, centres, labels[i]!, dims);
  }
  const present = [...sizes.keys()].filter((c) => sizes[c]! > 0);
  if (present.length < 2) return null;
  for (const c of present) scatter[c]! /= sizes[c]!;
  let total = 0;
  for (const c of present) {
    let worst = 0;
    for (const other of present) {
      if (other === c) continue;
      const separation = distance(centres, c, centres, other, dims);
      worst = Math.max(
        worst,
        separation === 0 ? Infinity : (scatter[c]! + scatter[other]!) / separation,
      );
    }
    total += worst;
  }
  // Two clusters with the same centroid make the index infinite: not a number JSON can hold.
  return Number.isFinite(total) ? total / present.length : null;
}

/** (between-cluster dispersion / (k − 1)) / (within-cluster dispersion / (n − k)). */
export function calinskiHarabasz(points: Points, labels: Int32Array): number | null {
  const { dims, count } = points;
  const { sizes, centres, overall } = centroids(points, labels);
  const k = sizes.filter((size) => size > 0).length;
  if (k < 2 || count <= k) return null;
  let between = 0;
  sizes.forEach((size, c) => {
    if (size > 0) between += size * distance(centres, c, overall, 0, dims) ** 2;
  });
  let within = 0;
  for (let i = 0; i < count; i++)
    within += distance(points.data, i, centres, labels[i]!, dims) ** 2;
  if (within === 0) return null;
  return between / (k - 1) / (within / (count - k));
}
