import type { ErrorReport } from './error_report';
import type { SourceVerdict } from './gates';
import type { RemovedStaging } from './staging_cleanup';

/** What an ingest did, printed by the CLI and stored in the run's `summary`. */
export interface IngestSummary {
  run_id: string;
  mode: 'sources' | 'order_lines';
  status: 'complete' | 'failed';
  rows_read: Record<string, number>;
  rows_read_total: number;
  /** One row per source: read, loaded, rejected, rate, limit, verdict (the budget is per source). */
  sources: SourceVerdict[];
  rejected: { total: number; by_reason: Record<string, number>; by_source: Record<string, number> };
  /** Order lines set aside by rule (cancellations, no customer): reported, not errors. */
  excluded: Record<string, number>;
  duplicates: { sessions: number; customers: number };
  unmatched_products: number;
  sessions_without_customer: number;
  indexed: { orders: number; downloads: number };
  bulk_failures: number;
  bulk_retries: number;
  /** Whether each spooled input already came sorted by its join key (then no sort was needed). */
  input_sorted: Record<string, boolean>;
  /** Rejected over read, all sources together (informative: the gate is per source). */
  error_rate: number;
  max_error_rate: number;
  errors_file: string;
  error_examples: string[];
  /** Staging indices of ingests that will never publish them, deleted before this load. */
  removed_staging: RemovedStaging[];
  duration_ms: number;
}

/** Rejected rows over rows read; 0 for an empty input. */
export function errorRate(rejected: number, read: number): number {
  return read === 0 ? 0 : rejected / read;
}

export function emptySummary(
  runId: string,
  mode: IngestSummary['mode'],
  maxErrorRate: number,
  report: ErrorReport,
): IngestSummary {
  return {
    run_id: runId,
    mode,
    status: 'failed',
    rows_read: {},
    rows_read_total: 0,
    sources: [],
    rejected: { total: 0, by_reason: report.rejectedByReason, by_source: report.rejectedBySource },
    excluded: {},
    duplicates: { sessions: 0, customers: 0 },
    unmatched_products: 0,
    sessions_without_customer: 0,
    indexed: { orders: 0, downloads: 0 },
    bulk_failures: 0,
    bulk_retries: 0,
    input_sorted: {},
    error_rate: 0,
    max_error_rate: maxErrorRate,
    errors_file: report.file,
    error_examples: report.examples,
    removed_staging: [],
    duration_ms: 0,
  };
}

const percent = (value: number) => `${(value * 100).toFixed(2)} %`;
const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ') || 'none';

/** The per-source table, columns aligned. */
function sourceTable(rows: readonly SourceVerdict[]): string[] {
  const table = [
    ['source', 'file', 'read', 'loaded', 'rejected', 'rate', 'limit', 'verdict'],
    ...rows.map((row) => [
      row.source,
      row.label,
      String(row.read),
      String(row.loaded),
      String(row.rejected),
      percent(row.rate),
      percent(row.limit),
      row.verdict,
    ]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((cells) => cells[c]!.length)));
  return table.map((cells) => `  ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')}`);
}

/** The summary as a few human lines. */
export function formatSummary(summary: IngestSummary): string {
  const lines = [
    `ingest ${summary.run_id}: ${summary.status}`,
    ...sourceTable(summary.sources),
    `  indexed: ${summary.indexed.orders} orders, ${summary.indexed.downloads} downloads`,
    `  rejected: ${summary.rejected.total} — ${counts(summary.rejected.by_reason)}`,
  ];
  if (Object.keys(summary.excluded).length > 0)
    lines.push(`  excluded: ${counts(summary.excluded)}`);
  lines.push(
    `  duplicates (last one kept): ${summary.duplicates.sessions} sessions, ${summary.duplicates.customers} customers`,
    `  unmatched products: ${summary.unmatched_products}; sessions whose client is not in customers: ${summary.sessions_without_customer}`,
  );
  if (summary.bulk_failures > 0) lines.push(`  refused by Elasticsearch: ${summary.bulk_failures}`);
  for (const { index, reason } of summary.removed_staging) {
    lines.push(`  removed leftover staging index ${index} (${reason})`);
  }
  lines.push(`  error report: ${summary.errors_file}`);
  return lines.join('\n');
}
