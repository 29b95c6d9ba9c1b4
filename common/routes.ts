import { z } from 'zod';
import { ALL_DIMENSIONS, type ReportDocument } from './documents';
import { REPORT_CATALOGUE, isReportId } from './reports/catalogue';

/** HTTP paths shared by the Kibana server routes and the browser client. */
export const API_BASE = '/api/customer_analytics';

export const ROUTES = {
  report: `${API_BASE}/reports/{report}/{type}`,
  dimensions: `${API_BASE}/dimensions`,
  annotations: `${API_BASE}/annotations`,
  annotation: `${API_BASE}/annotations/{id}`,
} as const;

export function reportPath(report: string, type: string): string {
  return `${API_BASE}/reports/${encodeURIComponent(report)}/${encodeURIComponent(type)}`;
}

export function annotationPath(id: string): string {
  return `${API_BASE}/annotations/${encodeURIComponent(id)}`;
}

/** `{report}/{type}` must name a catalogued report, so a typo is a 400, not an empty 404. */
export const reportParamsSchema = z
  .object({ report: z.string().min(1).max(100), type: z.string().min(1).max(100) })
  .strict()
  .refine((params) => isReportId(`${params.report}/${params.type}`), {
    message: `unknown report; known reports: ${Object.keys(REPORT_CATALOGUE).join(', ')}`,
  });
export type ReportParams = z.infer<typeof reportParamsSchema>;

/** A dimension value as stored in `orders.dimension`, or `all`. */
export const reportQuerySchema = z
  .object({
    dimension: z
      .string()
      .min(1, 'dimension must not be empty')
      .max(256, 'dimension is longer than 256 characters')
      .default(ALL_DIMENSIONS),
  })
  .strict();
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/**
 * `GET reports/{report}/{type}`: the stored report document of the newest complete run
 * (reportDocumentSchema), with `data` typed by the caller's row type.
 */
export type ReportResponse<Row = Record<string, unknown>> = Omit<ReportDocument, 'data'> & {
  data: Row[];
};

/** `GET dimensions`: `all` first, then the newest complete run's dimension values, sorted. */
export interface DimensionsResponse {
  dimensions: string[];
}

/** Kibana's error body for every non-2xx answer. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
}
