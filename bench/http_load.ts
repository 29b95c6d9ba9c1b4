/**
 * Closed-loop HTTP load with autocannon: `connections` keep-alive connections each send the next
 * of `paths` (in turn, one at a time) as soon as the previous answer has arrived, for `seconds`.
 * autocannon's own client parses with little CPU, so on a small host the load generator takes
 * less from the server it measures than `fetch` did; its percentiles stop at p97.5, so every
 * latency is kept here and p50/p95/p99 are read from them, per path and over all.
 */
import autocannon from 'autocannon';

export interface LatencySummary {
  requests: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
}

export interface HttpLoadResult extends LatencySummary {
  seconds: number;
  requests_per_s: number;
  /** Connection errors, timeouts and answers other than 2xx. */
  errors: number;
  by_path: Record<string, LatencySummary>;
  /** CPU seconds this process (the load generator) used during the load. */
  generator_cpu_s: number;
}

export interface HttpLoadOptions {
  baseUrl: string;
  paths: readonly string[];
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
}

/** The q-quantile (0–1) of sorted values, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round = (value: number) => Math.round(value * 10) / 10;

function summarise(latencies: number[]): LatencySummary {
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50_ms: round(quantile(sorted, 0.5)),
    p95_ms: round(quantile(sorted, 0.95)),
    p99_ms: round(quantile(sorted, 0.99)),
    max_ms: round(sorted.at(-1) ?? Number.NaN),
  };
}

export async function httpLoad(options: HttpLoadOptions): Promise<HttpLoadResult> {
  const { paths } = options;
  const byPath = paths.map((): number[] => []);
  // Each connection sends the paths in turn, one at a time, so its n-th answer is paths[n % len].
  const answered = new Map<unknown, number>();
  const cpuBefore = process.cpuUsage();
  const instance = autocannon({
    url: options.baseUrl,
    connections: options.connections,
    pipelining: 1,
    duration: options.seconds,
    requests: paths.map((path) => ({ method: 'GET' as const, path })),
    headers: options.headers,
  });
  // autocannon emits (client, status, bytes, ms); its type declaration leaves the client out.
  (instance as unknown as NodeJS.EventEmitter).on(
    'response',
    (client: unknown, status: number, _bytes: number, ms: number) => {
      const n = answered.get(client) ?? 0;
      answered.set(client, n + 1);
      if (status >= 200 && status < 300) byPath[n % paths.length]!.push(ms);
    },
  );
  const result = await instance;
  const cpu = process.cpuUsage(cpuBefore);
  const all = summarise(byPath.flat());
  return {
    ...all,
    seconds: result.duration,
    requests_per_s: round(all.requests / result.duration),
    errors: result.errors + result.timeouts + result.non2xx,
    by_path: Object.fromEntries(paths.map((path, i) => [path, summarise(byPath[i]!)])),
    generator_cpu_s: round((cpu.user + cpu.system) / 1e6),
  };
}
