import { z } from 'zod';
import { KMEANS_SEGMENTS, QUINTILE_SEGMENTS } from '../segments';

/**
 * The `segments` family (RFM segmentation, ../../../shared/ANALYSES.md "Segmentation") and the
 * per-customer profiles it writes into `customers`. Days are fractional (hours / 24).
 */
export const RFM_METRICS = ['recency', 'frequency', 'monetary'] as const;
export type RfmMetric = (typeof RFM_METRICS)[number];

const scheme = z.enum(['kmeans', 'quintile']);
const metric = z.enum(RFM_METRICS);
const rank = z.number().int().min(1).max(5);

/** `segments/sizes`: customers per segment of each scheme, share of the slice's buying customers. */
export const segmentSizeRowSchema = z.object({
  scheme,
  segment: z.string(),
  customers: z.number().int().nonnegative(),
  share: z.number(),
});
export type SegmentSizeRow = z.infer<typeof segmentSizeRowSchema>;

/**
 * `segments/clusters`: each metric's k-means clusters, ranked 1–5 with 5 best. Fewer than five
 * distinct values give fewer clusters; their ranks are then spread over 1–5 (params say how many).
 */
export const clusterRowSchema = z.object({
  metric,
  rank,
  centre: z.number(),
  min: z.number(),
  max: z.number(),
  customers: z.number().int().nonnegative(),
});
export type ClusterRow = z.infer<typeof clusterRowSchema>;

/**
 * `segments/histogram`: per metric, customers per value bin and cluster rank. Bins are equal-width
 * from the minimum to the 99th percentile; the last bin also holds everything above it
 * (`open_ended`), so a few very large spenders do not squash the chart.
 */
export const histogramRowSchema = z.object({
  metric,
  bin: z.number().int().nonnegative(),
  from: z.number(),
  to: z.number(),
  open_ended: z.boolean(),
  rank,
  customers: z.number().int().nonnegative(),
});
export type HistogramRow = z.infer<typeof histogramRowSchema>;

/** `segments/scatter`: a seeded sample (≤ 5,000) of customers for the three 2-D scatter pairs. */
export const scatterRowSchema = z.object({
  recency_days: z.number(),
  frequency_days: z.number().nullable(),
  monetary: z.number(),
  segment: z.enum(KMEANS_SEGMENTS),
  quintile_segment: z.enum(QUINTILE_SEGMENTS),
  joint_cluster: z.number().int().nullable(),
});
export type ScatterRow = z.infer<typeof scatterRowSchema>;

/**
 * `segments/quality`: silhouette (mean over a seeded sample of ≤ 10,000 customers, computed within
 * that sample), Davies–Bouldin and Calinski–Harabasz. `recency`/`frequency`/`monetary` are the
 * per-metric clusterings; `joint` rows with `fit: 'sample'` are the candidates k = 2..8 fitted on
 * the sample (the chosen one has `chosen`), and the `fit: 'all'` row is the chosen k refitted on
 * every customer with ≥ 2 orders. Null where the index is undefined (a single cluster).
 */
export const qualityRowSchema = z.object({
  clustering: z.enum(['recency', 'frequency', 'monetary', 'joint']),
  fit: z.enum(['sample', 'all']),
  k: z.number().int().positive(),
  chosen: z.boolean(),
  customers: z.number().int().nonnegative(),
  silhouette_sample: z.number().int().nonnegative(),
  silhouette: z.number().nullable(),
  davies_bouldin: z.number().nullable(),
  calinski_harabasz: z.number().nullable(),
});
export type QualityRow = z.infer<typeof qualityRowSchema>;

/** `segments/joint`: the clusters of standardised log-RFM, described by their members' means. */
export const jointClusterRowSchema = z.object({
  cluster: z.number().int().nonnegative(),
  customers: z.number().int().nonnegative(),
  share: z.number(),
  recency_days: z.number(),
  frequency_days: z.number(),
  monetary: z.number(),
});
export type JointClusterRow = z.infer<typeof jointClusterRowSchema>;

/**
 * `segments/weekly`: for each of the last 12 ended weeks (`period` = its Monday), each customer's
 * segment as a run at the week's end (`evaluated_at`, the next Monday 00:00) would have given it,
 * from orders before that instant only.
 */
export const weeklySegmentRowSchema = z.object({
  period: z.string(),
  evaluated_at: z.string(),
  scheme,
  segment: z.string(),
  customers: z.number().int().nonnegative(),
  share: z.number(),
});
export type WeeklySegmentRow = z.infer<typeof weeklySegmentRowSchema>;

/**
 * One document of `customers`: a client's RFM profile in one dimension value (or `all`),
 * `_id` = `<dimension>:<client>`. `frequency_days` and `f_rank` are null for one-order customers,
 * `joint_cluster` too (the joint view needs all three metrics).
 */
export const customerProfileSchema = z.object({
  client: z.string(),
  dimension: z.string(),
  run_id: z.string(),
  updated_at: z.string(),
  reference_time: z.string(),
  order_count: z.number().int().positive(),
  total_spend: z.number(),
  first_order: z.string(),
  last_order: z.string(),
  recency_days: z.number(),
  frequency_days: z.number().nullable(),
  monetary: z.number(),
  r_rank: rank,
  f_rank: rank.nullable(),
  m_rank: rank,
  segment: z.enum(KMEANS_SEGMENTS),
  r_score: rank,
  f_score: rank,
  m_score: rank,
  quintile_segment: z.enum(QUINTILE_SEGMENTS),
  joint_cluster: z.number().int().nullable(),
});
export type CustomerProfile = z.infer<typeof customerProfileSchema>;
