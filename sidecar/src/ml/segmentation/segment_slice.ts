import type { RfmMetric } from '../../../../common/reports/segments';
import { RFM_METRICS } from '../../../../common/reports/segments';
import type { OrderSequences } from '../../analyses/order_sequences';
import { Random } from '../../demo/random';
import { clusterOf } from './kmeans_1d';
import { jointClustering, type JointCandidate, type JointClustering } from './joint';
import { calinskiHarabasz, daviesBouldin, sampleIndices, silhouettes, subset } from './quality';
import { quintileScores, type QuintileScores } from './quintiles';
import { kmeansSegmentation, metricValues, type KmeansSegmentation } from './ranks';
import { orderAmounts, rfmAt, type RfmColumns } from './rfm';

export interface SegmentationOptions {
  seed: number;
  /** Clusters per metric (ANALYSES.md: 5). */
  k: number;
  restarts: number;
  jointRestarts: number;
  jointKMin: number;
  jointKMax: number;
  silhouetteSample: number;
  scatterSample: number;
  weeks: number;
  histogramBins: number;
}

export const DEFAULT_SEGMENTATION: SegmentationOptions = {
  seed: 20_240_501,
  k: 5,
  restarts: 10,
  jointRestarts: 4,
  jointKMin: 2,
  jointKMax: 8,
  silhouetteSample: 10_000,
  scatterSample: 5_000,
  weeks: 12,
  histogramBins: 30,
};

export interface MetricQuality extends JointCandidate {
  customers: number;
  silhouetteSample: number;
}

/** Everything the segments stage knows about one slice (`all` or one dimension value). */
export interface SliceSegmentation {
  rfm: RfmColumns;
  kmeans: KmeansSegmentation;
  quintiles: QuintileScores;
  joint: JointClustering | null;
  /** Joint cluster of each customer of `rfm`, −1 for one-order customers. */
  jointCluster: Int32Array;
  metricQuality: Record<RfmMetric, MetricQuality>;
}

function metricQuality(
  segmentation: KmeansSegmentation,
  rfm: RfmColumns,
  metric: RfmMetric,
  options: SegmentationOptions,
): MetricQuality {
  const values = metricValues(rfm, metric);
  const clusters = segmentation.metrics[metric];
  const points = { data: values, dims: 1, count: values.length };
  const labels = Int32Array.from(values, (value) => clusterOf(clusters.model, value));
  const random = Random.stream(options.seed, `silhouette-${metric}`);
  const sample = sampleIndices(values.length, options.silhouetteSample, random);
  const sampleLabels = Int32Array.from(sample, (row) => labels[row]!);
  return {
    k: clusters.model.centres.length,
    customers: values.length,
    silhouetteSample: sample.length,
    silhouette: silhouettes(subset(points, sample), [sampleLabels])[0]!,
    daviesBouldin: daviesBouldin(points, labels),
    calinskiHarabasz: calinskiHarabasz(points, labels),
  };
}

/** Ranks and segments in both schemes of the customers in `rfm` (what the weekly trend needs). */
export function segmentCustomers(
  rfm: RfmColumns,
  options: SegmentationOptions,
): { kmeans: KmeansSegmentation; quintiles: QuintileScores } {
  return {
    kmeans: kmeansSegmentation(rfm, {
      k: options.k,
      seed: options.seed,
      restarts: options.restarts,
    }),
    quintiles: quintileScores(rfm),
  };
}

/** The full segmentation of one slice at `nowMs` (orders at exactly `now` included). */
export function segmentSlice(
  sequences: OrderSequences,
  nowMs: number,
  options: SegmentationOptions = DEFAULT_SEGMENTATION,
): SliceSegmentation {
  const rfm = rfmAt(sequences, nowMs, true, orderAmounts(sequences));
  const { kmeans, quintiles } = segmentCustomers(rfm, options);
  const joint = jointClustering(rfm, {
    seed: options.seed,
    restarts: options.jointRestarts,
    kMin: options.jointKMin,
    kMax: options.jointKMax,
    sampleSize: options.silhouetteSample,
  });
  const jointCluster = new Int32Array(rfm.recencyDays.length).fill(-1);
  if (joint) joint.rows.forEach((row, j) => (jointCluster[row] = joint.model.labels[j]!));
  const quality = Object.fromEntries(
    RFM_METRICS.map((metric) => [metric, metricQuality(kmeans, rfm, metric, options)]),
  ) as Record<RfmMetric, MetricQuality>;
  return { rfm, kmeans, quintiles, joint, jointCluster, metricQuality: quality };
}
