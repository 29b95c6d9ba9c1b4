import type { z } from 'zod';
import { kpiRowSchema } from './kpis';
import { periodCountRowSchema } from './stats';

/**
 * Every report the sidecar writes, keyed `report/type`, with the schema of one `data` row.
 * Readers (server routes, UI) and writers (pipeline) share this list, so a report cannot be
 * written under one name and read under another.
 */
export const REPORT_CATALOGUE = {
  'kpis/overall': { title: 'Overall KPIs', row: kpiRowSchema },
  'stats/orders_daily': { title: 'Daily orders', row: periodCountRowSchema },
} as const satisfies Record<string, { title: string; row: z.ZodTypeAny }>;

export type ReportId = keyof typeof REPORT_CATALOGUE;
export type ReportRow<Id extends ReportId> = z.infer<(typeof REPORT_CATALOGUE)[Id]['row']>;

export function splitReportId(id: ReportId): { report: string; type: string } {
  const [report, type] = id.split('/') as [string, string];
  return { report, type };
}

export function isReportId(value: string): value is ReportId {
  return Object.prototype.hasOwnProperty.call(REPORT_CATALOGUE, value);
}
