import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../../../common/indices';
import type { IngestConfig, IngestConfigInput } from '../../../common/mapping';
import { CACHE_DIR } from '../es/paths';
import { RunRecorder } from '../runs/run_recorder';
import { newRunId } from '../runs/run_id';
import { openSource } from '../sources/open_source';
import type { BulkWriterOptions } from './bulk_writer';
import { checkColumns } from './check_columns';
import { validateConfig } from './config';
import { ErrorReport } from './error_report';
import type { ProgressListener } from './progress';
import { readPass, type OpenedSources, type Spools } from './read_pass';
import { emptySummary, errorRate, formatSummary, type IngestSummary } from './summary';
import { writePass } from './write_pass';

export interface IngestOptions {
  /** Overrides the config's max_error_rate. */
  maxErrorRate?: number;
  /** Default: .cache/runs/<run_id>/errors.ndjson. */
  errorsFile?: string;
  runId?: string;
  /**
   * Where the run is recorded: undefined starts an `ingest` run in `names.runs`; a recorder
   * (the pipeline's own run) gets stages `ingest:read` and `ingest:write`; null records nothing.
   */
  recorder?: RunRecorder | null;
  onProgress?: ProgressListener;
  /** Where sorted spools go (default: the OS temp dir); removed at the end. */
  tempDir?: string;
  /** Records per sorted chunk (bounds memory). */
  chunkRecords?: number;
  bulk?: BulkWriterOptions;
}

/** The ingest stopped on purpose (too many bad rows); `summary` says what was found. */
export class IngestError extends Error {
  constructor(
    message: string,
    readonly summary: IngestSummary,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}

const STAGES = ['ingest:check', 'ingest:read', 'ingest:write'] as const;

function openSources(config: IngestConfig): OpenedSources {
  const sources: OpenedSources = {};
  if (config.sessions) sources.sessions = openSource(config.sessions.source);
  if (config.customers) sources.customers = openSource(config.customers.source);
  if (config.products) sources.products = openSource(config.products.source);
  if (config.order_lines) sources.order_lines = openSource(config.order_lines.source);
  return sources;
}

async function assertIndicesExist(client: Client, names: IndexNames): Promise<void> {
  for (const index of [names.orders, names.downloads]) {
    if (!(await client.indices.exists({ index }))) {
      throw new Error(
        `index ${index} does not exist: create the indices first (ensureIndices, or 'customer-analytics ingest' does it)`,
      );
    }
  }
}

/**
 * Loads the configured sources into `orders` and `downloads` in two passes:
 *
 * 1. read — every row is read once, validated and spooled to temporary files sorted by its join
 *    key; bad rows go to the error report. Nothing is written to Elasticsearch.
 * 2. write — only when rejected rows / rows read ≤ max error rate: the spools are merged into
 *    complete documents (baskets joined, duplicates resolved) and bulk-indexed by `_id`, so
 *    re-running is idempotent and changed rows overwrite.
 *
 * Failing on the error rate therefore leaves what users see untouched. Duplicates, unmatched
 * products and sessions of unknown clients are found while merging: they are counted and
 * reported but do not gate the load (they are not malformed rows).
 */
export async function ingest(
  client: Client,
  names: IndexNames,
  configInput: IngestConfigInput | IngestConfig,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const config = validateConfig(configInput);
  const maxErrorRate = options.maxErrorRate ?? config.max_error_rate;
  const runId = options.recorder?.runId ?? options.runId ?? newRunId();
  const report = new ErrorReport(
    options.errorsFile ?? join(CACHE_DIR, 'runs', runId, 'errors.ndjson'),
  );
  const summary = emptySummary(
    runId,
    config.order_lines ? 'order_lines' : 'sources',
    maxErrorRate,
    report,
  );
  const started = Date.now();
  const ownRecorder = options.recorder === undefined;
  const recorder =
    options.recorder === undefined
      ? await RunRecorder.start(client, names.runs, 'ingest', [...STAGES], { runId })
      : options.recorder;
  let stage: (typeof STAGES)[number] = 'ingest:check';
  const tempDir = await mkdtemp(
    join(options.tempDir ?? tmpdir(), `customer-analytics-ingest-${runId}-`),
  );
  const chunkRecords = options.chunkRecords ?? 50_000;
  let spools: Spools | null = null;
  try {
    await recorder?.startStage(stage);
    await assertIndicesExist(client, names);
    const sources = openSources(config);
    await checkColumns(config, sources);
    await recorder?.endStage(stage, 'complete');

    stage = 'ingest:read';
    await recorder?.startStage(stage);
    const rowsBySource = new Map<string, number>();
    spools = await readPass(config, sources, {
      report,
      tempDir,
      chunkRecords,
      onProgress: (event) => {
        options.onProgress?.(event);
        rowsBySource.set(event.label, event.rows);
        recorder?.progress(
          stage,
          [...rowsBySource.values()].reduce((sum, rows) => sum + rows, 0),
        );
      },
    });
    summary.rows_read = spools.rowsRead;
    summary.rows_read_total = Object.values(spools.rowsRead).reduce((sum, count) => sum + count, 0);
    summary.excluded = spools.excluded;
    summary.rejected.total = report.rejected;
    summary.error_rate = errorRate(report.rejected, summary.rows_read_total);
    summary.input_sorted = Object.fromEntries(
      (['sessions', 'customers', 'products', 'orderLines'] as const)
        .filter((key) => spools![key] !== null)
        .map((key) => [key === 'orderLines' ? 'order_lines' : key, spools![key]!.wasSorted]),
    );
    if (summary.error_rate > maxErrorRate) {
      await recorder?.endStage(stage, 'failed');
      const reasons = Object.entries(report.rejectedByReason)
        .map(([reason, count]) => `${reason} ${count}`)
        .join(', ');
      throw new IngestError(
        `${report.rejected} of ${summary.rows_read_total} rows were rejected (${(summary.error_rate * 100).toFixed(2)} %), above the maximum error rate of ${(maxErrorRate * 100).toFixed(2)} %: nothing was written, the indices are as they were. Reasons: ${reasons}. See ${report.file}` +
          (report.examples.length > 0 ? `; first: ${report.examples.slice(0, 3).join(' | ')}` : ''),
        summary,
      );
    }
    await recorder?.endStage(
      stage,
      'complete',
      `${summary.rows_read_total} rows read, ${report.rejected} rejected`,
    );

    stage = 'ingest:write';
    await recorder?.startStage(
      stage,
      (spools.sessions?.count ?? 0) +
        (spools.customers?.count ?? 0) +
        (spools.orderLines?.count ?? 0),
    );
    const labels = Object.fromEntries(
      Object.entries(sources).map(([role, source]) => [role, source.label]),
    );
    const written = await writePass(config, spools, {
      client,
      names,
      report,
      labels,
      tempDir,
      chunkRecords,
      bulk: {
        ...options.bulk,
        onRetry: (attempt, delayMs, cause) => {
          options.bulk?.onRetry?.(attempt, delayMs, cause);
          // The runs index lives on the same cluster: while it is down this write fails too.
          recorder
            ?.log('warn', `bulk retry ${attempt} in ${delayMs} ms: ${cause}`)
            .catch(() => undefined);
        },
      },
      onProgress: options.onProgress,
      onDocuments: (done, total) => recorder?.progress(stage, done, total),
    });
    summary.indexed = { orders: written.orders, downloads: written.downloads };
    summary.duplicates = written.duplicates;
    summary.unmatched_products = written.unmatchedProducts;
    summary.sessions_without_customer = written.sessionsWithoutCustomer;
    summary.bulk_failures = written.bulkFailures;
    summary.bulk_retries = written.bulkRetries;
    summary.status = 'complete';
    summary.duration_ms = Date.now() - started;
    await recorder?.endStage(
      stage,
      'complete',
      `${written.orders} orders, ${written.downloads} downloads`,
    );
    await report.close();
    if (ownRecorder) await recorder?.complete({ ingest: summary });
    else await recorder?.log('info', formatSummary(summary));
    return summary;
  } catch (error) {
    summary.duration_ms = Date.now() - started;
    await report.close().catch(() => undefined);
    if (ownRecorder) await recorder?.fail(error, { ingest: summary }).catch(() => undefined);
    else await recorder?.endStage(stage, 'failed', (error as Error).message).catch(() => undefined);
    throw error;
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}
