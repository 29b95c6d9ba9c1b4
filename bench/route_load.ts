/**
 * A route load test without extra dependencies: `connections` clients each GET the next report
 * route of the catalogue (every report, dimension `all`) as soon as their previous answer
 * arrives, for `seconds`. Latency is measured per request from send to the end of the body.
 */
import { REPORT_IDS } from '../common/reports/catalogue';
import { API_BASE } from '../common/routes';

export interface RouteLoadResult {
  url: string;
  connections: number;
  seconds: number;
  requests: number;
  errors: number;
  requests_per_s: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  goal_p95_ms: number;
}

/** The q-quantile (0–1) of sorted values, nearest rank. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export async function routeLoad(
  baseUrl: string,
  connections = 20,
  seconds = 20,
): Promise<RouteLoadResult> {
  const paths = REPORT_IDS.map((id) => `${API_BASE}/reports/${id}?dimension=all`);
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const endAt = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < endAt) {
      const path = paths[next++ % paths.length]!;
      const started = performance.now();
      try {
        const response = await fetch(new URL(path, baseUrl), { headers: { 'kbn-xsrf': 'bench' } });
        await response.arrayBuffer();
        if (response.status >= 500) errors += 1;
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, client));
  const elapsedS = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    url: baseUrl,
    connections,
    seconds: round(elapsedS),
    requests: latencies.length,
    errors,
    requests_per_s: round(latencies.length / elapsedS),
    p50_ms: round(quantile(latencies, 0.5)),
    p95_ms: round(quantile(latencies, 0.95)),
    max_ms: round(latencies.at(-1) ?? Number.NaN),
    goal_p95_ms: 150,
  };
}
