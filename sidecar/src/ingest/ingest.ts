import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../../../common/indices';
import type { IngestConfig, IngestConfigInput } from '../../../common/source_mapping';
import { CACHE_DIR } from '../es/paths';
import { RunRecorder } from '../runs/run_recorder';
import { newRunId } from '../runs/run_id';
import { openSource } from '../sources/open_source';
import { BulkWriter, type BulkWriterOptions } from './bulk_writer';
import { checkColumns } from './check_columns';
import { validateConfig } from './config';
import { ErrorReport } from './error_report';
import type { LoadContext, OpenedSources } from './load_context';
import { loadCustomers } from './load_customers';
import { loadOrderLines } from './load_order_lines';
import { loadOrders } from './load_orders';
import { ClientCoverage } from './missing_clients';
import type { ProgressListener } from './progress';
import { ReadState } from './record_streams';
import type { SourceRole } from './records';
import {
  createStaging,
  discardStaging,
  publishStaging,
  refreshStaging,
  removeOrphans,
  type StagingIndices,
} from './staging';
import { emptySummary, errorRate, formatSummary, type IngestSummary } from './summary';

export interface IngestOptions {
  /** Overrides the config's max_error_rate. */
  maxErrorRate?: number;
  /** Default: .cache/runs/<run_id>/errors.ndjson. */
  errorsFile?: string;
  runId?: string;
  /**
   * Where the run is recorded: undefined starts an `ingest` run in `names.runs`; a recorder
   * (the pipeline's own run) gets stages `ingest:load` and `ingest:publish`; null records nothing.
   */
  recorder?: RunRecorder | null;
  onProgress?: ProgressListener;
  /** Where sort spools go (default: the OS temp dir); removed at the end. */
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

const STAGES = ['ingest:check', 'ingest:load', 'ingest:publish'] as const;
type Stage = (typeof STAGES)[number];

function openSources(config: IngestConfig): OpenedSources {
  const sources: OpenedSources = {};
  if (config.sessions) sources.sessions = openSource(config.sessions.source);
  if (config.customers) sources.customers = openSource(config.customers.source);
  if (config.products) sources.products = openSource(config.products.source);
  if (config.order_lines) sources.order_lines = openSource(config.order_lines.source);
  return sources;
}

/** The staging indices get their mappings from the templates: they must be in place. */
async function assertTemplates(client: Client, names: IndexNames): Promise<void> {
  for (const name of [names.orders, names.downloads]) {
    const found = await client.indices.getIndexTemplate({ name }, { ignore: [404] });
    const patterns = found.index_templates?.[0]?.index_template.index_patterns;
    const list = Array.isArray(patterns) ? patterns : patterns ? [patterns] : [];
    if (!list.includes(`${name}-*`)) {
      throw new Error(
        `index template ${name} is missing or outdated: create the indices first (ensureIndices, or 'customer-analytics ingest' does it)`,
      );
    }
  }
}

function rejectionMessage(summary: IngestSummary, report: ErrorReport, maxErrorRate: number) {
  const reasons = Object.entries(report.rejectedByReason)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');
  return (
    `${report.rejected} of ${summary.rows_read_total} rows were rejected (${(summary.error_rate * 100).toFixed(2)} %), above the maximum error rate of ${(maxErrorRate * 100).toFixed(2)} %: nothing was written to the indices users see (the staging copy was deleted), they are as they were. Reasons: ${reasons}. See ${report.file}` +
    (report.examples.length > 0 ? `; first: ${report.examples.slice(0, 3).join(' | ')}` : '')
  );
}

/**
 * Loads the configured sources into `orders` and `downloads` in ONE pass, then publishes:
 *
 * 1. load — every row is read once, validated and, if valid, turned into its document and
 *    bulk-indexed straight away into fresh staging indices (see staging.ts), so Elasticsearch
 *    indexes while we parse. Sessions and products are joined by a streaming merge when they
 *    come sorted by order_id, else through an external sort (see basket_join.ts). Bad rows go to
 *    the error report.
 * 2. gate — rejected rows / rows read above the maximum error rate: the staging indices are
 *    deleted and the ingest fails; what users see never changed.
 * 3. publish — the staging indices are refreshed, checked (document counts) and swapped in for
 *    the previous ones in one atomic alias change. A full replacement: re-running is
 *    idempotent, changed rows overwrite, removed rows disappear.
 *
 * Duplicates, unmatched products and sessions of unknown clients are counted and reported but do
 * not gate the load (they are not malformed rows).
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
  let stage: Stage = 'ingest:check';
  const tempDir = await mkdtemp(
    join(options.tempDir ?? tmpdir(), `customer-analytics-ingest-${runId}-`),
  );
  let staging: StagingIndices | null = null;
  try {
    await recorder?.startStage(stage);
    await assertTemplates(client, names);
    const orphans = await removeOrphans(client, names);
    if (orphans.length > 0) {
      await recorder?.log(
        'warn',
        `removed staging indices of killed ingests: ${orphans.join(', ')}`,
      );
    }
    const sources = openSources(config);
    await checkColumns(config, sources);
    await recorder?.endStage(stage, 'complete');

    stage = 'ingest:load';
    await recorder?.startStage(stage);
    staging = await createStaging(client, names, runId);
    const loaded = await load(client, config, sources, staging, report, tempDir, options, recorder);
    Object.assign(summary, loaded.counts);
    summary.sessions_without_customer = loaded.sessionsWithoutCustomer;
    summary.rows_read = loaded.state.rowsRead;
    summary.rows_read_total = Object.values(summary.rows_read).reduce((sum, n) => sum + n, 0);
    summary.excluded = loaded.state.excluded;
    summary.rejected.total = report.rejected;
    summary.error_rate = errorRate(report.rejected, summary.rows_read_total);
    if (summary.error_rate > maxErrorRate) {
      await discardStaging(client, staging);
      staging = null;
      await recorder?.endStage(stage, 'failed');
      throw new IngestError(rejectionMessage(summary, report, maxErrorRate), summary);
    }
    await recorder?.endStage(
      stage,
      'complete',
      `${summary.rows_read_total} rows read, ${report.rejected} rejected`,
    );

    stage = 'ingest:publish';
    await recorder?.startStage(stage);
    await refreshStaging(client, staging, summary.indexed);
    await publishStaging(client, names, staging);
    staging = null;
    summary.status = 'complete';
    summary.duration_ms = Date.now() - started;
    await recorder?.endStage(
      stage,
      'complete',
      `${summary.indexed.orders} orders, ${summary.indexed.downloads} downloads`,
    );
    await report.close();
    if (ownRecorder) await recorder?.complete({ ingest: summary });
    else await recorder?.log('info', formatSummary(summary));
    return summary;
  } catch (error) {
    summary.duration_ms = Date.now() - started;
    // Best effort: with Elasticsearch away this fails too, and removeOrphans cleans up later.
    if (staging) await discardStaging(client, staging).catch(() => undefined);
    await report.close().catch(() => undefined);
    if (ownRecorder) await recorder?.fail(error, { ingest: summary }).catch(() => undefined);
    else await recorder?.endStage(stage, 'failed', (error as Error).message).catch(() => undefined);
    throw error;
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}

type LoadCounts = Pick<
  IngestSummary,
  | 'indexed'
  | 'duplicates'
  | 'unmatched_products'
  | 'bulk_failures'
  | 'bulk_retries'
  | 'input_sorted'
>;

/** The load stage: every source through validation into the staging indices. */
async function load(
  client: Client,
  config: IngestConfig,
  sources: OpenedSources,
  staging: StagingIndices,
  report: ErrorReport,
  tempDir: string,
  options: IngestOptions,
  recorder: RunRecorder | null,
): Promise<{ counts: LoadCounts; state: ReadState; sessionsWithoutCustomer: number }> {
  const state = new ReadState();
  const labels: Partial<Record<SourceRole, string>> = Object.fromEntries(
    Object.entries(sources).map(([role, source]) => [role, source.label]),
  );
  const refusedRole = (index: string): SourceRole =>
    config.order_lines ? 'order_lines' : index === staging.orders ? 'sessions' : 'customers';
  // The writer's callbacks reach the context through this holder (it is built after the writer).
  const holder: { context: LoadContext | null } = { context: null };
  const writer = new BulkWriter(client, {
    ...options.bulk,
    onItemFailure: async (ref, status, reason) => {
      const context = holder.context!;
      context.refused[ref.index] = (context.refused[ref.index] ?? 0) + 1;
      const role = refusedRole(ref.index);
      await context.notices.current.add(role, labels[role] ?? role, ref.line ?? 0, [
        {
          field: '_id',
          column: null,
          value: ref.id,
          reason: 'bulk_rejected',
          message: `Elasticsearch refused document '${ref.id}' (status ${status}): ${reason}`,
        },
      ]);
    },
    onRetry: (attempt, delayMs, cause) => {
      options.bulk?.onRetry?.(attempt, delayMs, cause);
      // The runs index lives on the same cluster: while it is down this write fails too.
      recorder?.log('warn', `bulk retry ${attempt} in ${delayMs} ms: ${cause}`).catch(() => {});
    },
  });
  const rowsBySource = new Map<string, number>();
  const context: LoadContext = {
    config,
    sources,
    staging,
    writer,
    report,
    state,
    tempDir,
    chunkRecords: options.chunkRecords ?? 50_000,
    notices: { current: report },
    refused: {},
    coverage:
      config.sessions && config.customers && !config.order_lines
        ? new ClientCoverage(tempDir, (options.chunkRecords ?? 50_000) * 4)
        : null,
    queued: { count: 0 },
    onProgress: (event) => {
      options.onProgress?.(event);
      rowsBySource.set(event.label, event.rows);
      const rows = [...rowsBySource.values()].reduce((sum, count) => sum + count, 0);
      recorder?.progress('ingest:load', rows);
    },
    log: (message) => void recorder?.log('info', message).catch(() => {}),
  };
  holder.context = context;

  const counts: LoadCounts = {
    indexed: { orders: 0, downloads: 0 },
    duplicates: { sessions: 0, customers: 0 },
    unmatched_products: 0,
    bulk_failures: 0,
    bulk_retries: 0,
    input_sorted: {},
  };
  if (config.order_lines && sources.order_lines) {
    const lines = await loadOrderLines(context, config.order_lines, sources.order_lines);
    counts.indexed = { orders: lines.orders, downloads: lines.downloads };
    counts.input_sorted.order_lines = lines.inputSorted;
  } else {
    // Customers first, so that sessions never reference a client that is not there yet.
    if (config.customers && sources.customers) {
      const customers = await loadCustomers(context, config.customers, sources.customers);
      counts.indexed.downloads = customers.written;
      counts.duplicates.customers = customers.duplicates;
      counts.input_sorted.customers = customers.inputSorted;
    }
    if (config.sessions && sources.sessions) {
      const products =
        config.products && sources.products
          ? { mapping: config.products, source: sources.products }
          : null;
      const orders = await loadOrders(
        context,
        { mapping: config.sessions, source: sources.sessions },
        products,
      );
      counts.indexed.orders = orders.written;
      counts.duplicates.sessions = orders.duplicates;
      counts.unmatched_products = orders.unmatchedProducts;
      Object.assign(counts.input_sorted, orders.inputSorted);
    }
  }
  await writer.flush();
  counts.bulk_failures = Object.values(context.refused).reduce((sum, n) => sum + n, 0);
  counts.bulk_retries = writer.retries;
  const sessionsWithoutCustomer = (await context.coverage?.count()) ?? 0;
  return { counts, state, sessionsWithoutCustomer };
}
