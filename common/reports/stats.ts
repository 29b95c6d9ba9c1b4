import { z } from 'zod';

/** `stats/orders_{daily,weekly,monthly}`: orders per period, `period` = yyyy-mm-dd of its start. */
export const periodCountRowSchema = z.object({
  period: z.string(),
  orders: z.number(),
});
export type PeriodCountRow = z.infer<typeof periodCountRowSchema>;

/** `stats/orders_hourly`: mean orders in hour-of-day `hour` (0–23 UTC) over every day in range. */
export const hourCountRowSchema = z.object({
  hour: z.number().int().min(0).max(23),
  orders: z.number(),
});
export type HourCountRow = z.infer<typeof hourCountRowSchema>;

/**
 * `stats/sessions_per_customer_weekly` and `stats/orders_per_customer_weekly`: per week, the
 * events (sessions or orders), the distinct customers behind them, and events / customers (null
 * when the week has no customer).
 */
export const weeklyPerCustomerRowSchema = z.object({
  period: z.string(),
  events: z.number(),
  customers: z.number(),
  mean: z.number().nullable(),
});
export type WeeklyPerCustomerRow = z.infer<typeof weeklyPerCustomerRowSchema>;

/** `stats/payment_mean_weekly`: mean payment amount per order (null in a week without orders). */
export const weeklyPaymentRowSchema = z.object({
  period: z.string(),
  orders: z.number(),
  revenue: z.number(),
  mean_payment: z.number().nullable(),
});
export type WeeklyPaymentRow = z.infer<typeof weeklyPaymentRowSchema>;

/**
 * `stats/payment_distribution`: 20 equal-width bins of order amounts from min to max; a bin holds
 * lower ≤ amount < upper, the last one also amount = upper.
 */
export const paymentBinRowSchema = z.object({
  bin: z.number().int(),
  lower: z.number(),
  upper: z.number(),
  orders: z.number(),
});
export type PaymentBinRow = z.infer<typeof paymentBinRowSchema>;

/** `stats/customers_by_order_count`: customers with exactly `order_count` orders (1, 2, 3, …). */
export const orderCountRowSchema = z.object({
  order_count: z.number().int().positive(),
  customers: z.number(),
});
export type OrderCountRow = z.infer<typeof orderCountRowSchema>;
