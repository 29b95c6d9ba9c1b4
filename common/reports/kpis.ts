import { z } from 'zod';

/** A metric for the last 7 calendar days vs the 7 before: % change is null when before is 0. */
export const kpiChangeSchema = z.object({
  last7: z.number(),
  previous7: z.number(),
  change: z.number(),
  change_pct: z.number().nullable(),
});

export const KPI_METRICS = ['orders', 'revenue', 'visitors', 'discount'] as const;
export type KpiMetric = (typeof KPI_METRICS)[number];

/** `kpis/overall`: one row per metric. */
export const kpiRowSchema = kpiChangeSchema.extend({
  metric: z.enum(KPI_METRICS),
  total: z.number(),
});
export type KpiRow = z.infer<typeof kpiRowSchema>;
