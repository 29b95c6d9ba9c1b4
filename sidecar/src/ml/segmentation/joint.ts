import { Random } from '../../demo/random';
import { kmeans, lloyd, type KmeansModel, type Points } from './kmeans';
import { calinskiHarabasz, daviesBouldin, sampleIndices, silhouettes, subset } from './quality';
import type { RfmColumns } from './rfm';

/**
 * The joint view: k-means on standardised log-RFM — log(1 + x) of recency, frequency and
 * monetary, each then centred and scaled to unit variance — over the customers with ≥ 2 orders
 * (one-order customers have no frequency). k = kMin..kMax are each fitted on one seeded sample of
 * ≤ `sampleSize` customers and scored there (silhouette, Davies–Bouldin, Calinski–Harabasz); the
 * k with the highest silhouette (the smaller on ties) is then refitted on every customer, starting
 * from the sample fit's centres.
 */
export interface JointOptions {
  seed: number;
  restarts: number;
  kMin: number;
  kMax: number;
  sampleSize: number;
}

export interface JointCandidate {
  k: number;
  silhouette: number | null;
  daviesBouldin: number | null;
  calinskiHarabasz: number | null;
}

export interface JointClustering {
  /** Index into the RfmColumns of each clustered customer. */
  rows: Int32Array;
  points: Points;
  sample: Int32Array;
  candidates: JointCandidate[];
  chosenK: number;
  model: KmeansModel;
  final: JointCandidate;
}

/** Standardised log-RFM of the customers with ≥ 2 orders. */
export function logRfmPoints(rfm: RfmColumns): { rows: Int32Array; points: Points } {
  const rows: number[] = [];
  for (let i = 0; i < rfm.orderCount.length; i++) if (rfm.orderCount[i]! >= 2) rows.push(i);
  const count = rows.length;
  const data = new Float64Array(count * 3);
  const columns = [rfm.recencyDays, rfm.frequencyDays, rfm.monetary];
  for (let d = 0; d < 3; d++) {
    let sum = 0;
    for (let j = 0; j < count; j++) {
      // Refunds could make a mean amount negative; log(1 + x) needs x > −1.
      const value = Math.log1p(Math.max(0, columns[d]![rows[j]!]!));
      data[j * 3 + d] = value;
      sum += value;
    }
    const mean = sum / count;
    let squares = 0;
    for (let j = 0; j < count; j++) squares += (data[j * 3 + d]! - mean) ** 2;
    const sd = Math.sqrt(squares / count);
    for (let j = 0; j < count; j++) data[j * 3 + d] = sd > 0 ? (data[j * 3 + d]! - mean) / sd : 0;
  }
  return { rows: Int32Array.from(rows), points: { data, dims: 3, count } };
}

function distinctPoints(points: Points): number {
  const seen = new Set<string>();
  for (let i = 0; i < points.count && seen.size <= 8; i++) {
    seen.add(points.data.subarray(i * 3, i * 3 + 3).join(','));
  }
  return seen.size;
}

export function jointClustering(rfm: RfmColumns, options: JointOptions): JointClustering | null {
  const { rows, points } = logRfmPoints(rfm);
  const sample = sampleIndices(
    points.count,
    options.sampleSize,
    Random.stream(options.seed, 'joint'),
  );
  const samplePoints = subset(points, sample);
  const kMax = Math.min(options.kMax, distinctPoints(samplePoints), samplePoints.count - 1);
  if (kMax < options.kMin) return null;
  const fits: KmeansModel[] = [];
  for (let k = options.kMin; k <= kMax; k++) {
    fits.push(kmeans(samplePoints, { k, seed: options.seed, restarts: options.restarts }));
  }
  const silhouette = silhouettes(
    samplePoints,
    fits.map((fit) => fit.labels),
  );
  const candidates = fits.map((fit, i) => ({
    k: fit.k,
    silhouette: silhouette[i]!,
    daviesBouldin: daviesBouldin(samplePoints, fit.labels),
    calinskiHarabasz: calinskiHarabasz(samplePoints, fit.labels),
  }));
  let chosen = 0;
  candidates.forEach((candidate, i) => {
    if ((candidate.silhouette ?? -Infinity) > (candidates[chosen]!.silhouette ?? -Infinity)) {
      chosen = i;
    }
  });
  const model = lloyd(points, fits[chosen]!.centres);
  const sampleLabels = Int32Array.from(sample, (row) => model.labels[row]!);
  const final: JointCandidate = {
    k: model.k,
    silhouette: silhouettes(samplePoints, [sampleLabels])[0]!,
    daviesBouldin: daviesBouldin(points, model.labels),
    calinskiHarabasz: calinskiHarabasz(points, model.labels),
  };
  return { rows, points, sample, candidates, chosenK: model.k, model, final };
}
