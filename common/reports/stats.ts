import { z } from 'zod';

/** `stats/orders_{daily,weekly,monthly}`: orders per period, `period` = yyyy-mm-dd of its start. */
export const periodCountRowSchema = z.object({
  period: z.string(),
  orders: z.number(),
});
export type PeriodCountRow = z.infer<typeof periodCountRowSchema>;
