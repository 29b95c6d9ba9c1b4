import { z } from 'zod';

/** `promotions/kpis`: per promotion, over its orders. */
export const promotionKpiRowSchema = z.object({
  promotion: z.string(),
  orders: z.number().int().nonnegative(),
  revenue: z.number(),
  discount: z.number(),
  customers: z.number().int().nonnegative(),
});
export type PromotionKpiRow = z.infer<typeof promotionKpiRowSchema>;

/**
 * `promotions/daily`: per promotion and day from its first to its last order day (zeros kept in
 * between).
 */
export const promotionDailyRowSchema = z.object({
  promotion: z.string(),
  period: z.string(),
  orders: z.number().int().nonnegative(),
  revenue: z.number(),
  discount: z.number(),
});
export type PromotionDailyRow = z.infer<typeof promotionDailyRowSchema>;

/** `promotions/inorganic_ratio_daily`: orders with a promotion / all orders (null without orders). */
export const inorganicRatioRowSchema = z.object({
  period: z.string(),
  orders: z.number().int().nonnegative(),
  promoted_orders: z.number().int().nonnegative(),
  ratio: z.number().nullable(),
});
export type InorganicRatioRow = z.infer<typeof inorganicRatioRowSchema>;
