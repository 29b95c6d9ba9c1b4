import { z } from 'zod';

/**
 * The `clv` family (six-month customer value, ../../../shared/ANALYSES.md "CLV"). Money is in the
 * currency's units (cents / 100, rounded to cents). Dates are UTC days `YYYY-MM-DD`. A refresh is
 * one fit-and-predict, identified by the day it was made (`made_on`); the stage runs weekly, and a
 * run within 7 days of the last refresh carries that refresh's reports forward unchanged.
 */
export const CLV_METHODS = ['sequence', 'bg_nbd_gamma_gamma', 'naive'] as const;
export type ClvMethod = (typeof CLV_METHODS)[number];

/** Plain names for the UI and the verdict. */
export const CLV_METHOD_LABELS: Record<ClvMethod, string> = {
  sequence: 'LSTM sequence models',
  bg_nbd_gamma_gamma: 'BG/NBD + Gamma-Gamma',
  naive: 'Naive (repeat the previous 6 months)',
};

const method = z.enum(CLV_METHODS);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * `clv/daily`: daily totals. `kind: 'backtest'` rows are the backtest's horizon (fit up to
 * `made_on − 182 days`), one row per day and method, with what happened. `kind: 'forecast'` rows are
 * the forward prediction of the chosen method from `made_on`; earlier refreshes' forecasts are kept
 * (each with its own `made_on`, so overlapping weekly predictions stay distinguishable) and their
 * `actual` is filled in for days that have passed (null for days still ahead).
 */
export const clvDailyRowSchema = z.object({
  date: day,
  made_on: day,
  kind: z.enum(['backtest', 'forecast']),
  method,
  predicted: z.number(),
  actual: z.number().nullable(),
});
export type ClvDailyRow = z.infer<typeof clvDailyRowSchema>;

/**
 * `clv/backtest`: one row per method scored on the backtest horizon. `customer_mae` / `customer_bias`
 * are over the customers known at the cutoff (mean of predicted − actual horizon spend);
 * `daily_total_mae` is over horizon days, newcomers included. `mae_ratio` = customer_mae / the naive
 * baseline's (1 for naive). Exactly one row is `chosen`: it made the forward prediction. Params hold
 * the verdict in plain language, the fitted parameters (r, alpha, a, b; p, q, v), the time unit,
 * the log-likelihoods and the tfjs backend that ran.
 */
export const clvBacktestRowSchema = z.object({
  method,
  customers: z.number().int().nonnegative(),
  customer_mae: z.number(),
  customer_bias: z.number(),
  daily_total_mae: z.number(),
  mae_ratio: z.number(),
  chosen: z.boolean(),
});
export type ClvBacktestRow = z.infer<typeof clvBacktestRowSchema>;

/**
 * `clv/summary`: one row for the forward prediction made on `made_on` over `horizon_days`:
 * revenue predicted from known customers and from newcomers (daily new buyers × mean first order).
 */
export const clvSummaryRowSchema = z.object({
  made_on: day,
  horizon_days: z.number().int().positive(),
  method,
  customers: z.number().int().nonnegative(),
  predicted_revenue: z.number(),
  known_customers_revenue: z.number(),
  newcomers_revenue: z.number(),
  expected_orders: z.number(),
  mean_p_alive: z.number().nullable(),
});
export type ClvSummaryRow = z.infer<typeof clvSummaryRowSchema>;

/**
 * `clv/segments`: per k-means RFM segment, the known customers' predicted revenue and expected
 * orders over the next 6 months (and the revenue's share of all known customers'), beside what the
 * same customers spent and ordered over the last 6 months (`current_*`), which the anomalies stage
 * compares with the prediction.
 */
export const clvSegmentRowSchema = z.object({
  segment: z.string(),
  customers: z.number().int().nonnegative(),
  predicted_revenue: z.number(),
  share: z.number(),
  expected_orders: z.number(),
  current_revenue: z.number(),
  current_orders: z.number().int().nonnegative(),
});
export type ClvSegmentRow = z.infer<typeof clvSegmentRowSchema>;

/** `clv/top_customers`: the 100 customers with the highest predicted value, highest first. */
export const clvTopCustomerRowSchema = z.object({
  client: z.string(),
  predicted_value: z.number(),
  expected_orders: z.number(),
  p_alive: z.number().nullable(),
  segment: z.string().nullable(),
  orders: z.number().int().nonnegative(),
  total_spend: z.number(),
});
export type ClvTopCustomerRow = z.infer<typeof clvTopCustomerRowSchema>;

/** `clv/p_alive`: customers per P(alive) bin of width 0.05 (the last bin includes 1). */
export const clvPAliveRowSchema = z.object({
  from: z.number(),
  to: z.number(),
  customers: z.number().int().nonnegative(),
});
export type ClvPAliveRow = z.infer<typeof clvPAliveRowSchema>;

/** The fields the CLV stage adds to each profile in `customers`. */
export interface ClvProfileFields {
  clv_predicted_value: number;
  clv_expected_orders: number;
  clv_p_alive: number | null;
  clv_model: ClvMethod;
  clv_made_on: string;
}
