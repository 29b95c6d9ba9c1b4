import { z } from 'zod';

/** `products/top_products`, `products/top_categories`: orders containing the term, top N. */
export const topTermRowSchema = z.object({
  rank: z.number().int().positive(),
  name: z.string(),
  orders: z.number().int().nonnegative(),
  quantity: z.number(),
});
export type TopTermRow = z.infer<typeof topTermRowSchema>;

/** `products/top_pairs`: unordered product pairs (first < second) by orders containing both. */
export const productPairRowSchema = z.object({
  rank: z.number().int().positive(),
  first: z.string(),
  second: z.string(),
  orders: z.number().int().positive(),
});
export type ProductPairRow = z.infer<typeof productPairRowSchema>;

/** `products/daily_revenue`: Σ unit price × quantity of the basket lines of that day's orders. */
export const productRevenueRowSchema = z.object({
  period: z.string(),
  revenue: z.number(),
});
export type ProductRevenueRow = z.infer<typeof productRevenueRowSchema>;
