import { KMEANS_SEGMENTS, segmentOfRanks, singleOrderSegment } from '../../../../common/segments';
import type { RfmMetric } from '../../../../common/reports/segments';
import { clusterOf, kmeans1d, type Kmeans1dModel } from './kmeans_1d';
import type { RfmColumns } from './rfm';

/**
 * The k-means scheme: each metric clustered on its own, clusters ranked 1–5 with 5 best on every
 * metric — the smallest recency (most recent), the smallest frequency (shortest gap between
 * orders), the largest monetary (highest mean spend). The original ranked monetary the other way
 * round and called its smallest spenders Champions; `rankOfCluster` is where that is decided.
 */
export const BETTER: Record<RfmMetric, 'lower' | 'higher'> = {
  recency: 'lower',
  frequency: 'lower',
  monetary: 'higher',
};

export interface MetricClusters {
  metric: RfmMetric;
  model: Kmeans1dModel;
  /** rank (1–5) of each of the model's ascending clusters. */
  ranks: Uint8Array;
  /** Customers clustered: frequency leaves out one-order customers. */
  customers: number;
}

export interface KmeansSegmentation {
  metrics: Record<RfmMetric, MetricClusters>;
  /** Per customer of the RfmColumns; f = 0 for one-order customers (no frequency). */
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** Index into KMEANS_SEGMENTS. */
  segment: Uint8Array;
}

export interface ClusteringOptions {
  k: number;
  seed: number;
  restarts: number;
}

/**
 * The rank of the cluster at position `worstFirst` (0 = worst) of `clusters`: 1..5 when there are
 * five; fewer clusters are spread evenly over 1–5 (2 → 1, 5; 3 → 1, 3, 5; 4 → 1, 2, 4, 5), and a
 * single cluster is the middle rank 3 — nobody is best or worst when everybody is alike.
 */
export function spreadRank(worstFirst: number, clusters: number): number {
  if (clusters === 1) return 3;
  return 1 + Math.round((4 * worstFirst) / (clusters - 1));
}

export function rankClusters(model: Kmeans1dModel, better: 'lower' | 'higher'): Uint8Array {
  const c = model.centres.length;
  return Uint8Array.from({ length: c }, (_, ascending) =>
    spreadRank(better === 'higher' ? ascending : c - 1 - ascending, c),
  );
}

function clusterMetric(
  metric: RfmMetric,
  values: Float64Array,
  options: ClusteringOptions,
): MetricClusters {
  const model = kmeans1d(values, options);
  return { metric, model, ranks: rankClusters(model, BETTER[metric]), customers: values.length };
}

export function metricValues(rfm: RfmColumns, metric: RfmMetric): Float64Array {
  if (metric === 'recency') return rfm.recencyDays;
  if (metric === 'monetary') return rfm.monetary;
  return rfm.frequencyDays.filter((days) => !Number.isNaN(days));
}

export function rankOf(clusters: MetricClusters, value: number): number {
  return clusters.ranks[clusterOf(clusters.model, value)]!;
}

/** KMEANS_SEGMENTS index of every (r, f, m), at [(r − 1) · 25 + (f − 1) · 5 + m − 1]. */
const SEGMENT_BY_RANKS = Uint8Array.from({ length: 125 }, (_, i) =>
  KMEANS_SEGMENTS.indexOf(
    segmentOfRanks(1 + Math.floor(i / 25), 1 + (Math.floor(i / 5) % 5), 1 + (i % 5)),
  ),
);
const NEWCOMERS = KMEANS_SEGMENTS.indexOf('Newcomers');
const LOST = KMEANS_SEGMENTS.indexOf('Lost');

/** Ranks and segments of every customer of `rfm`, first matching rule of common/segments.ts. */
export function kmeansSegmentation(
  rfm: RfmColumns,
  options: ClusteringOptions,
): KmeansSegmentation {
  const metrics = {
    recency: clusterMetric('recency', metricValues(rfm, 'recency'), options),
    frequency: clusterMetric('frequency', metricValues(rfm, 'frequency'), options),
    monetary: clusterMetric('monetary', metricValues(rfm, 'monetary'), options),
  };
  const n = rfm.recencyDays.length;
  const result: KmeansSegmentation = {
    metrics,
    r: new Uint8Array(n),
    f: new Uint8Array(n),
    m: new Uint8Array(n),
    segment: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const r = rankOf(metrics.recency, rfm.recencyDays[i]!);
    const m = rankOf(metrics.monetary, rfm.monetary[i]!);
    const oneOrder = rfm.orderCount[i] === 1;
    const f = oneOrder ? 0 : rankOf(metrics.frequency, rfm.frequencyDays[i]!);
    result.r[i] = r;
    result.f[i] = f;
    result.m[i] = m;
    result.segment[i] = oneOrder
      ? singleOrderSegment(rfm.recencyDays[i]!) === 'Newcomers'
        ? NEWCOMERS
        : LOST
      : SEGMENT_BY_RANKS[(r - 1) * 25 + (f - 1) * 5 + m - 1]!;
  }
  return result;
}
