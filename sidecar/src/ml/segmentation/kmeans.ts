import { Random } from '../../demo/random';

/**
 * k-means on points in `dims` dimensions stored row by row in one Float64Array. Typed arrays and
 * an inlined squared distance keep a 200 k-point fit well under a second; ml-kmeans (number[][]
 * rows through ml-matrix) took 2.6 s for one such fit here, and the joint view fits seven k's with
 * restarts. The tests check each Lloyd run against ml-kmeans started from the same centres.
 */
export interface Points {
  data: Float64Array;
  dims: number;
  count: number;
}

export interface KmeansModel {
  k: number;
  centres: Float64Array;
  labels: Int32Array;
  counts: Int32Array;
  inertia: number;
  iterations: number;
}

export interface KmeansOptions {
  k: number;
  seed: number;
  restarts: number;
  maxIterations?: number;
}

function squaredDistance(points: Points, i: number, centres: Float64Array, c: number): number {
  const { data, dims } = points;
  let sum = 0;
  for (let d = 0; d < dims; d++) {
    const diff = data[i * dims + d]! - centres[c * dims + d]!;
    sum += diff * diff;
  }
  return sum;
}

/** k-means++ seeding (Arthur & Vassilvitskii 2007); fewer centres when points run out. */
export function kmeansPlusPlus(points: Points, k: number, random: Random): Float64Array {
  const { count, dims, data } = points;
  const chosen = [random.int(count)];
  const centres = new Float64Array(k * dims);
  centres.set(data.subarray(chosen[0]! * dims, chosen[0]! * dims + dims), 0);
  const d2 = new Float64Array(count);
  for (let i = 0; i < count; i++) d2[i] = squaredDistance(points, i, centres, 0);
  while (chosen.length < k) {
    let total = 0;
    for (let i = 0; i < count; i++) total += d2[i]!;
    if (total === 0) break;
    let target = random.uniform() * total;
    let pick = 0;
    while (pick < count - 1 && (target >= d2[pick]! || d2[pick] === 0)) target -= d2[pick++]!;
    while (d2[pick] === 0) pick--;
    const c = chosen.length;
    chosen.push(pick);
    centres.set(data.subarray(pick * dims, pick * dims + dims), c * dims);
    for (let i = 0; i < count; i++)
      d2[i] = Math.min(d2[i]!, squaredDistance(points, i, centres, c));
  }
  return centres.slice(0, chosen.length * dims);
}

function assign(points: Points, centres: Float64Array, k: number, labels: Int32Array): boolean {
  let changed = false;
  for (let i = 0; i < points.count; i++) {
    let best = 0;
    let bestDistance = Infinity;
    for (let c = 0; c < k; c++) {
      const distance = squaredDistance(points, i, centres, c);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    if (labels[i] !== best) {
      labels[i] = best;
      changed = true;
    }
  }
  return changed;
}

/** Means of each cluster; an empty cluster keeps its centre (as ml-kmeans does). */
function update(points: Points, centres: Float64Array, k: number, labels: Int32Array): Int32Array {
  const { dims, data } = points;
  const sums = new Float64Array(k * dims);
  const counts = new Int32Array(k);
  for (let i = 0; i < points.count; i++) {
    const c = labels[i]!;
    counts[c]!++;
    for (let d = 0; d < dims; d++) sums[c * dims + d]! += data[i * dims + d]!;
  }
  for (let c = 0; c < k; c++) {
    if (counts[c] === 0) continue;
    for (let d = 0; d < dims; d++) centres[c * dims + d] = sums[c * dims + d]! / counts[c]!;
  }
  return counts;
}

/** Lloyd's algorithm from the given centres until no point changes cluster. */
export function lloyd(points: Points, initial: Float64Array, maxIterations = 300): KmeansModel {
  const k = initial.length / points.dims;
  const centres = Float64Array.from(initial);
  const labels = new Int32Array(points.count).fill(-1);
  let iterations = 0;
  let counts: Int32Array = new Int32Array(k);
  while (iterations < maxIterations) {
    iterations++;
    if (!assign(points, centres, k, labels) && iterations > 1) break;
    counts = update(points, centres, k, labels);
  }
  let inertia = 0;
  for (let i = 0; i < points.count; i++) inertia += squaredDistance(points, i, centres, labels[i]!);
  return { k, centres, labels, counts, inertia, iterations };
}

/** Restarts seeded from (seed, restart); the lowest inertia is kept (the first on ties). */
export function kmeans(points: Points, options: KmeansOptions): KmeansModel {
  let best: KmeansModel | null = null;
  for (let restart = 0; restart < Math.max(1, options.restarts); restart++) {
    const random = Random.stream(options.seed, 'kmeans', restart);
    const model = lloyd(points, kmeansPlusPlus(points, options.k, random), options.maxIterations);
    if (!best || model.inertia < best.inertia) best = model;
  }
  return best!;
}
