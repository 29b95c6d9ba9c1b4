import { z } from 'zod';

/**
 * The `anomalies` family (../../../shared/ANALYSES.md "Anomalies"). Every series gets an error per
 * point (an autoencoder's reconstruction error, or for daily orders the distance from the typical
 * value); with m = median and d = MAD of the series' errors, a point's robust z is (error − m) / d
 * and its score is 100 × (1 − 2^(−max(z, 0) / k)), k = 3.5 by default. So a point is anomalous
 * exactly when error > m + k × d, i.e. when its score is over 50, and scores order anomalies by
 * severity. Dates are UTC days `YYYY-MM-DD`.
 */
export const ANOMALY_SERIES = ['funnel', 'cohort', 'orders', 'rfm'] as const;
export type AnomalySeries = (typeof ANOMALY_SERIES)[number];

/** What an influencer is: a value of the run's dimension, a promotion or a product category. */
export const INFLUENCER_KINDS = ['dimension', 'promotion', 'category'] as const;
export type InfluencerKind = (typeof INFLUENCER_KINDS)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const score = z.number().min(0).max(100);
const influencer = {
  influencer_kind: z.enum(INFLUENCER_KINDS).nullable(),
  influencer: z.string().nullable(),
};

/**
 * `anomalies/orders`: daily orders against the mean of the same weekday over the previous 4 weeks
 * (`typical`, null for the first 4 weeks); `pct_change` = (orders − typical) / typical.
 */
export const anomalyOrdersRowSchema = z.object({
  date: day,
  orders: z.number().int().nonnegative(),
  typical: z.number().nullable(),
  pct_change: z.number().nullable(),
  score,
  anomalous: z.boolean(),
  ...influencer,
});
export type AnomalyOrdersRow = z.infer<typeof anomalyOrdersRowSchema>;

/**
 * `anomalies/funnel` (one row per day: the daily funnel vector of action counts and ratios) and
 * `anomalies/cohort` (one row per download day: its download→first-order conversion row). `error` is
 * the reconstruction error; `feature` is the component that contributed most to it, with its
 * `actual` value and the reconstruction as `typical`.
 */
export const anomalyVectorRowSchema = z.object({
  date: day,
  error: z.number().nonnegative(),
  score,
  anomalous: z.boolean(),
  feature: z.string(),
  actual: z.number(),
  typical: z.number(),
  ...influencer,
});
export type AnomalyVectorRow = z.infer<typeof anomalyVectorRowSchema>;

/**
 * `anomalies/rfm`: per k-means segment and metric, the current value (the last 6 months, per
 * customer) against the CLV stage's prediction for the next 6 months; scored across segments.
 */
export const anomalyRfmRowSchema = z.object({
  segment: z.string(),
  metric: z.enum(['orders', 'revenue']),
  customers: z.number().int().nonnegative(),
  current: z.number(),
  predicted: z.number(),
  change_pct: z.number().nullable(),
  score,
  anomalous: z.boolean(),
});
export type AnomalyRfmRow = z.infer<typeof anomalyRfmRowSchema>;

/** `anomalies/list`: every anomalous point of every series, highest score first. */
export const anomalyListRowSchema = z.object({
  date: day.nullable(),
  series: z.enum(ANOMALY_SERIES),
  /** The feature, metric or segment the anomaly is about. */
  subject: z.string(),
  score,
  actual: z.number(),
  typical: z.number(),
  ...influencer,
});
export type AnomalyListRow = z.infer<typeof anomalyListRowSchema>;

/** Anomaly scoring: a point is anomalous when error > median + k × MAD (default k). */
export const DEFAULT_MAD_K = 3.5;

/** The score of an error given the series' median and MAD (see the family's comment). */
export function anomalyScore(
  error: number,
  median: number,
  mad: number,
  k = DEFAULT_MAD_K,
): number {
  if (mad <= 0) return error > median ? 100 : 0;
  const z = Math.max((error - median) / mad, 0);
  return 100 * (1 - Math.pow(2, -z / k));
}
