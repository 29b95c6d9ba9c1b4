import { z } from 'zod';

/**
 * The `abtests` family (../../../shared/ANALYSES.md "A/B tests"). Every comparison reports its
 * effect with a seeded bootstrap interval, a p-value, a Benjamini–Hochberg q-value across its
 * family (all promotions, all products, all promotion pairs, all segment tests of one context),
 * the distribution the AIC check chose, and the original's view (share of bootstrap resamples in
 * which H0 is accepted at alpha). Too few customers: `insufficient`, only the count is given.
 */
export const AB_METRICS = ['amount', 'count'] as const;
export type AbMetric = (typeof AB_METRICS)[number];
export const AB_TESTS = ['paired_t', 'wilcoxon', 'poisson_rate', 'welch'] as const;
export const AB_DISTRIBUTIONS = ['normal', 'poisson', 'binomial', 'gamma', 'beta'] as const;
export const SEGMENT_CHANGE_PERIODS = ['daily', 'weekly', 'monthly'] as const;
export type SegmentChangePeriod = (typeof SEGMENT_CHANGE_PERIODS)[number];

const nullableNumber = z.number().nullable();

/** One before/after comparison: `amount` = mean payment per customer, `count` = orders. */
export const abOutcomeSchema = z.object({
  metric: z.enum(AB_METRICS),
  status: z.enum(['tested', 'insufficient']),
  /** Customers compared (the count an `insufficient` row was refused on). */
  n: z.number().int().nonnegative(),
  mean_before: nullableNumber,
  mean_after: nullableNumber,
  /** mean_after − mean_before, with its 95 % percentile bootstrap interval. */
  difference: nullableNumber,
  ci_low: nullableNumber,
  ci_high: nullableNumber,
  /** difference / mean_before, with its bootstrap interval. */
  uplift: nullableNumber,
  uplift_ci_low: nullableNumber,
  uplift_ci_high: nullableNumber,
  p: nullableNumber,
  q: nullableNumber,
  test: z.enum(AB_TESTS).nullable(),
  distribution: z.enum(AB_DISTRIBUTIONS).nullable(),
  h0_accepted_share: nullableNumber,
});
export type AbOutcome = z.infer<typeof abOutcomeSchema>;

/** `abtests/promotions`: W days before vs after each customer's first use of the promotion. */
export const promotionTestRowSchema = abOutcomeSchema.extend({ promotion: z.string() });
export type PromotionTestRow = z.infer<typeof promotionTestRowSchema>;

/** `abtests/products`: the same around each customer's first purchase of the product. */
export const productTestRowSchema = abOutcomeSchema.extend({ product: z.string() });
export type ProductTestRow = z.infer<typeof productTestRowSchema>;

/**
 * `abtests/promotion_pairs`: Welch test of customers' mean amount in the W days after first use,
 * `before` = promotion_a, `after` = promotion_b (n = customers of both groups together).
 */
export const promotionPairRowSchema = abOutcomeSchema.extend({
  promotion_a: z.string(),
  promotion_b: z.string(),
  n_a: z.number().int().nonnegative(),
  n_b: z.number().int().nonnegative(),
});
export type PromotionPairRow = z.infer<typeof promotionPairRowSchema>;

/**
 * `abtests/segment_change`: per k-means segment, the current period vs the mean of the previous
 * four (day: same weekday of the last 4 weeks; week; month), customers whose segment changed over
 * the compared span excluded (`excluded`).
 */
export const segmentChangeRowSchema = abOutcomeSchema.extend({
  segment: z.string(),
  period: z.enum(SEGMENT_CHANGE_PERIODS),
  current_from: z.string(),
  excluded: z.number().int().nonnegative(),
});
export type SegmentChangeRow = z.infer<typeof segmentChangeRowSchema>;
