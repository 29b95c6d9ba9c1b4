import { z } from 'zod';

/**
 * `funnel/{session,customer}_{daily,weekly,monthly}`: per period (yyyy-mm-dd of its start), a
 * count per funnel step. The report's `params.steps` lists the steps in funnel order, e.g.
 * session: has_sessions, has_basket, order_screen, purchased; customer: download, signup, …,
 * first_session, first_order.
 */
export const funnelRowSchema = z.object({
  period: z.string(),
  counts: z.record(z.string(), z.number()),
});
export type FunnelRow = z.infer<typeof funnelRowSchema>;

/** `funnel/*_hourly`: per hour of day (0–23 UTC), the mean count over every day in range. */
export const funnelHourRowSchema = z.object({
  hour: z.number().int().min(0).max(23),
  counts: z.record(z.string(), z.number()),
});
export type FunnelHourRow = z.infer<typeof funnelHourRowSchema>;
