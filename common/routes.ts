/** HTTP paths shared by the Kibana server routes and the browser client. */
export const API_BASE = '/api/customer_analytics';

export const ROUTES = {
  report: `${API_BASE}/reports/{report}/{type}`,
  dimensions: `${API_BASE}/dimensions`,
} as const;

export function reportPath(report: string, type: string): string {
  return `${API_BASE}/reports/${encodeURIComponent(report)}/${encodeURIComponent(type)}`;
}
