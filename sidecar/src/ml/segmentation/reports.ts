import type {
  ClusterRow,
  HistogramRow,
  JointClusterRow,
  QualityRow,
  RfmMetric,
  ScatterRow,
  SegmentSizeRow,
} from '../../../../common/reports/segments';
import { RFM_METRICS } from '../../../../common/reports/segments';
import { KMEANS_SEGMENTS, QUINTILE_SEGMENTS } from '../../../../common/segments';
import { Random } from '../../demo/random';
import { metricValues, rankOf } from './ranks';
import { sampleIndices } from './quality';
import type { SegmentationOptions, SliceSegmentation } from './segment_slice';

function sizes(
  scheme: 'kmeans' | 'quintile',
  names: readonly string[],
  segment: Uint8Array,
): SegmentSizeRow[] {
  const counts = new Int32Array(names.length);
  for (const s of segment) counts[s]!++;
  return names.map((name, s) => ({
    scheme,
    segment: name,
    customers: counts[s]!,
    share: segment.length > 0 ? counts[s]! / segment.length : 0,
  }));
}

export function segmentSizeRows(slice: SliceSegmentation): SegmentSizeRow[] {
  return [
    ...sizes('kmeans', KMEANS_SEGMENTS, slice.kmeans.segment),
    ...sizes('quintile', QUINTILE_SEGMENTS, slice.quintiles.segment),
  ];
}

export function clusterRows(slice: SliceSegmentation): ClusterRow[] {
  return RFM_METRICS.flatMap((metric) => {
    const { model, ranks } = slice.kmeans.metrics[metric];
    return [...model.centres].map((centre, c) => ({
      metric,
      rank: ranks[c]!,
      centre,
      min: model.min[c]!,
      max: model.max[c]!,
      customers: model.counts[c]!,
    }));
  });
}

/** How many clusters each metric got, and why fewer than k when so. */
export function clusterParams(slice: SliceSegmentation, options: SegmentationOptions) {
  return Object.fromEntries(
    RFM_METRICS.map((metric) => {
      const { model, customers } = slice.kmeans.metrics[metric];
      const clusters = model.centres.length;
      const note =
        clusters < options.k
          ? `${model.distinctValues} distinct values: ${clusters} clusters instead of ${options.k}, ranks spread over 1–5`
          : null;
      return [metric, { clusters, customers, distinct_values: model.distinctValues, note }];
    }),
  );
}

function histogram(slice: SliceSegmentation, metric: RfmMetric, bins: number): HistogramRow[] {
  const values = metricValues(slice.rfm, metric);
  if (values.length === 0) return [];
  const sorted = Float64Array.from(values).sort();
  const lo = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  const p99 = sorted[Math.floor(0.99 * (sorted.length - 1))]!;
  const hi = p99 > lo ? p99 : max;
  const width = hi > lo ? (hi - lo) / bins : 1;
  const binCount = hi > lo ? bins : 1;
  const counts = new Int32Array(binCount * 5);
  for (const value of values) {
    const bin = Math.min(binCount - 1, Math.floor((value - lo) / width));
    counts[bin * 5 + rankOf(slice.kmeans.metrics[metric], value) - 1]!++;
  }
  const rows: HistogramRow[] = [];
  for (let bin = 0; bin < binCount; bin++) {
    for (let rank = 1; rank <= 5; rank++) {
      const customers = counts[bin * 5 + rank - 1]!;
      if (customers === 0) continue;
      const last = bin === binCount - 1;
      rows.push({
        metric,
        bin,
        from: lo + bin * width,
        to: last ? Math.max(hi, max) : lo + (bin + 1) * width,
        open_ended: last && max > hi,
        rank,
        customers,
      });
    }
  }
  return rows;
}

export function histogramRows(slice: SliceSegmentation, bins: number): HistogramRow[] {
  return RFM_METRICS.flatMap((metric) => histogram(slice, metric, bins));
}

export function scatterRows(slice: SliceSegmentation, options: SegmentationOptions): ScatterRow[] {
  const { rfm } = slice;
  const random = Random.stream(options.seed, 'scatter');
  const sample = sampleIndices(rfm.recencyDays.length, options.scatterSample, random);
  return [...sample].map((i) => ({
    recency_days: rfm.recencyDays[i]!,
    frequency_days: Number.isNaN(rfm.frequencyDays[i]!) ? null : rfm.frequencyDays[i]!,
    monetary: rfm.monetary[i]!,
    segment: KMEANS_SEGMENTS[slice.kmeans.segment[i]!]!,
    quintile_segment: QUINTILE_SEGMENTS[slice.quintiles.segment[i]!]!,
    joint_cluster: slice.jointCluster[i]! >= 0 ? slice.jointCluster[i]! : null,
  }));
}

export function qualityRows(slice: SliceSegmentation): QualityRow[] {
  const rows: QualityRow[] = RFM_METRICS.map((metric) => {
    const quality = slice.metricQuality[metric];
    return {
      clustering: metric,
      fit: 'all',
      k: quality.k,
      chosen: true,
      customers: quality.customers,
      silhouette_sample: quality.silhouetteSample,
      silhouette: quality.silhouette,
      davies_bouldin: quality.daviesBouldin,
      calinski_harabasz: quality.calinskiHarabasz,
    };
  });
  const { joint } = slice;
  if (!joint) return rows;
  const index = (candidate: typeof joint.final, fit: 'sample' | 'all', chosen: boolean) => ({
    clustering: 'joint' as const,
    fit,
    k: candidate.k,
    chosen,
    customers: fit === 'all' ? joint.points.count : joint.sample.length,
    silhouette_sample: joint.sample.length,
    silhouette: candidate.silhouette,
    davies_bouldin: candidate.daviesBouldin,
    calinski_harabasz: candidate.calinskiHarabasz,
  });
  for (const candidate of joint.candidates) {
    rows.push(index(candidate, 'sample', candidate.k === joint.chosenK));
  }
  rows.push(index(joint.final, 'all', true));
  return rows;
}

export function jointRows(slice: SliceSegmentation): JointClusterRow[] {
  const { joint, rfm } = slice;
  if (!joint) return [];
  const k = joint.model.k;
  const sums = new Float64Array(k * 3);
  const counts = new Int32Array(k);
  joint.rows.forEach((row, j) => {
    const c = joint.model.labels[j]!;
    counts[c]!++;
    sums[c * 3]! += rfm.recencyDays[row]!;
    sums[c * 3 + 1]! += rfm.frequencyDays[row]!;
    sums[c * 3 + 2]! += rfm.monetary[row]!;
  });
  const rows: JointClusterRow[] = [];
  for (let c = 0; c < k; c++) {
    if (counts[c] === 0) continue;
    rows.push({
      cluster: c,
      customers: counts[c]!,
      share: counts[c]! / joint.points.count,
      recency_days: sums[c * 3]! / counts[c]!,
      frequency_days: sums[c * 3 + 1]! / counts[c]!,
      monetary: sums[c * 3 + 2]! / counts[c]!,
    });
  }
  return rows;
}
