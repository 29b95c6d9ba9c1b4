import { z } from 'zod';

/**
 * `churn/overall` (one row, evaluated at `now`) and `churn/weekly` (one row per complete week,
 * evaluated at the next Monday 00:00): churned / customers with ≥1 order before `evaluated_at`
 * (for overall: at or before `now`, so the latest order itself counts).
 * `median_gap_hours` is the expected gap given to one-order customers (null when no customer had
 * two orders yet; such customers then cannot churn).
 */
export const churnRowSchema = z.object({
  period: z.string().nullable(),
  evaluated_at: z.string(),
  customers: z.number().int().nonnegative(),
  churned: z.number().int().nonnegative(),
  churn_rate: z.number().nullable(),
  median_gap_hours: z.number().nullable(),
});
export type ChurnRow = z.infer<typeof churnRowSchema>;
