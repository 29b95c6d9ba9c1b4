import { Random } from '../../demo/random';

/**
 * k-means on one metric. In one dimension every cluster of a Lloyd step is a run of the sorted
 * values between two midpoints, so each step is k binary searches over prefix sums instead of
 * n × k distances; the result is the same partition Lloyd's algorithm gives point by point (ties at
 * a midpoint go to the lower cluster, as ml-kmeans's nearest-centre rule does).
 */
export interface Kmeans1dOptions {
  k: number;
  seed: number;
  restarts: number;
  maxIterations?: number;
}

export interface Kmeans1dModel {
  /** Non-empty clusters only, by ascending centre. */
  centres: Float64Array;
  /** A value v belongs to the first cluster j with v ≤ upper[j] (the last is +∞). */
  upper: Float64Array;
  min: Float64Array;
  max: Float64Array;
  counts: Int32Array;
  inertia: number;
  distinctValues: number;
}

export interface Sorted {
  values: Float64Array;
  /** prefix[i] = Σ values[0..i-1]; squares likewise with values². */
  prefix: Float64Array;
  squares: Float64Array;
}

function sortValues(values: ArrayLike<number>): Sorted {
  const sorted = Float64Array.from(values).sort();
  const prefix = new Float64Array(sorted.length + 1);
  const squares = new Float64Array(sorted.length + 1);
  for (let i = 0; i < sorted.length; i++) {
    prefix[i + 1] = prefix[i]! + sorted[i]!;
    squares[i + 1] = squares[i]! + sorted[i]! * sorted[i]!;
  }
  return { values: sorted, prefix, squares };
}

/** The first index whose value is greater than `target`. */
export function upperBound(sorted: ArrayLike<number>, target: number, lo = 0, hi = sorted.length) {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Σ (x − c)² over sorted rows lo..hi-1, from prefix sums (clamped: rounding can dip below 0). */
function squaredDistanceSum(sorted: Sorted, lo: number, hi: number, c: number): number {
  const sum = sorted.prefix[hi]! - sorted.prefix[lo]!;
  const squares = sorted.squares[hi]! - sorted.squares[lo]!;
  return Math.max(0, squares - 2 * c * sum + c * c * (hi - lo));
}

/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007): each next centre is drawn with probability
 * ∝ D², the squared distance to the nearest centre chosen so far. On sorted values the points
 * nearest each centre form a run between midpoints, so D² sums come from prefix sums and the
 * draw is a walk over k runs plus a binary search inside one: O(k² log n), not O(n k).
 */
export function kmeansPlusPlus1d(sorted: Sorted, k: number, random: Random): Float64Array {
  const n = sorted.values.length;
  let centres = Float64Array.of(sorted.values[random.int(n)]!);
  const cuts = new Int32Array(k + 1);
  while (centres.length < k) {
    cutsFor(sorted.values, centres, cuts);
    const costs = [...centres].map((c, j) => squaredDistanceSum(sorted, cuts[j]!, cuts[j + 1]!, c));
    const total = costs.reduce((a, b) => a + b, 0);
    if (total === 0) break;
    let target = random.uniform() * total;
    let j = 0;
    while (j < centres.length - 1 && target >= costs[j]!) target -= costs[j++]!;
    const lo = cuts[j]!;
    let a = lo;
    let b = cuts[j + 1]! - 1;
    // The first row whose cumulative D² within the run exceeds the target.
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (squaredDistanceSum(sorted, lo, mid + 1, centres[j]!) > target) b = mid;
      else a = mid + 1;
    }
    let pick = sorted.values[a]!;
    if (centres.includes(pick)) pick = farthestValue(sorted.values, centres, cuts);
    centres = Float64Array.from([...centres, pick]).sort();
  }
  return centres;
}

/** The run end farthest from its centre: a safe draw when rounding lands on a chosen value. */
function farthestValue(values: Float64Array, centres: Float64Array, cuts: Int32Array): number {
  let best = values[0]!;
  let bestDistance = -1;
  centres.forEach((c, j) => {
    for (const row of [cuts[j]!, cuts[j + 1]! - 1]) {
      const distance = Math.abs(values[row]! - c);
      if (distance > bestDistance) {
        bestDistance = distance;
        best = values[row]!;
      }
    }
  });
  return best;
}

function cutsFor(sorted: Float64Array, centres: Float64Array, cuts: Int32Array): void {
  const k = centres.length;
  cuts[0] = 0;
  cuts[k] = sorted.length;
  for (let j = 1; j < k; j++) {
    cuts[j] = upperBound(sorted, (centres[j - 1]! + centres[j]!) / 2, cuts[j - 1]!);
  }
}

interface Fit {
  centres: Float64Array;
  cuts: Int32Array;
  inertia: number;
}

/** Lloyd's iterations from sorted initial centres until the partition stops changing. */
export function lloyd1d(sorted: Sorted, initial: Float64Array, maxIterations = 300): Fit {
  const k = initial.length;
  const centres = Float64Array.from(initial);
  let cuts = new Int32Array(k + 1);
  let previous = new Int32Array(k + 1).fill(-1);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    cutsFor(sorted.values, centres, cuts);
    if (cuts.every((cut, j) => cut === previous[j])) break;
    for (let j = 0; j < k; j++) {
      const count = cuts[j + 1]! - cuts[j]!;
      if (count > 0) centres[j] = (sorted.prefix[cuts[j + 1]!]! - sorted.prefix[cuts[j]!]!) / count;
    }
    [previous, cuts] = [cuts, previous];
  }
  cutsFor(sorted.values, centres, cuts);
  let inertia = 0;
  for (let j = 0; j < k; j++)
    inertia += squaredDistanceSum(sorted, cuts[j]!, cuts[j + 1]!, centres[j]!);
  return { centres, cuts, inertia };
}

function distinctCount(sorted: Float64Array): number {
  let distinct = sorted.length > 0 ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  return distinct;
}

function toModel(sorted: Float64Array, fit: Fit, distinctValues: number): Kmeans1dModel {
  const kept: number[] = [];
  for (let j = 0; j < fit.centres.length; j++) if (fit.cuts[j + 1]! > fit.cuts[j]!) kept.push(j);
  const upper = kept.map((j, p) =>
    p === kept.length - 1 ? Infinity : (fit.centres[j]! + fit.centres[j + 1]!) / 2,
  );
  return {
    centres: Float64Array.from(kept, (j) => fit.centres[j]!),
    upper: Float64Array.from(upper),
    min: Float64Array.from(kept, (j) => sorted[fit.cuts[j]!]!),
    max: Float64Array.from(kept, (j) => sorted[fit.cuts[j + 1]! - 1]!),
    counts: Int32Array.from(kept, (j) => fit.cuts[j + 1]! - fit.cuts[j]!),
    inertia: fit.inertia,
    distinctValues,
  };
}

/**
 * Several k-means++ restarts, each seeded from (seed, restart); the lowest inertia is kept (the
 * first on ties). With fewer distinct values than k, one cluster per distinct value.
 */
export function kmeans1d(values: ArrayLike<number>, options: Kmeans1dOptions): Kmeans1dModel {
  const sorted = sortValues(values);
  const distinctValues = distinctCount(sorted.values);
  if (distinctValues === 0) return toModel(sorted.values, emptyFit(), 0);
  const k = Math.min(options.k, distinctValues);
  let best: Fit | null = null;
  for (let restart = 0; restart < Math.max(1, options.restarts); restart++) {
    const random = Random.stream(options.seed, 'kmeans1d', restart);
    const initial = kmeansPlusPlus1d(sorted, k, random);
    const fit = lloyd1d(sorted, initial, options.maxIterations);
    if (!best || fit.inertia < best.inertia) best = fit;
  }
  return toModel(sorted.values, best!, distinctValues);
}

function emptyFit(): Fit {
  return { centres: new Float64Array(0), cuts: new Int32Array(1), inertia: 0 };
}

/** The cluster (index into the model's ascending clusters) of a value. */
export function clusterOf(model: Kmeans1dModel, value: number): number {
  let lo = 0;
  let hi = model.upper.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (value <= model.upper[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Sorted values and their prefix sums, for callers that run Lloyd from their own centres. */
export { sortValues };
