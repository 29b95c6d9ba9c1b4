import { z } from 'zod';

export const JOURNEY_METRICS = [
  'hours_download_to_first_order',
  'order_amount',
  'hours_between_orders',
  'hours_since_last_order',
] as const;

/**
 * `journey/average`: one row per metric. `order_amount` has a row per order number 1..N (N = the
 * mean order count, rounded down, at least 1); `hours_between_orders` a row per gap k→k+1 for
 * k+1 ≤ N plus one row with `order_number` null over every consecutive gap. `customers` = how
 * many customers the mean is over; `value` is null when there are none.
 */
export const journeyRowSchema = z.object({
  metric: z.enum(JOURNEY_METRICS),
  order_number: z.number().int().positive().nullable(),
  value: z.number().nullable(),
  customers: z.number().int().nonnegative(),
});
export type JourneyRow = z.infer<typeof journeyRowSchema>;
