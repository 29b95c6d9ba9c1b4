import type { Client } from '@elastic/elasticsearch';
import type { IngestConfig } from '../../../common/source_mapping';
import type { RunRecorder } from '../runs/run_recorder';
import { BulkWriter, type BulkWriterOptions } from './bulk_writer';
import type { ErrorReport } from './error_report';
import type { LoadContext, OpenedSources } from './load_context';
import { loadCustomers } from './load_customers';
import { loadOrderLines } from './load_order_lines';
import { loadOrders } from './load_orders';
import { ClientCoverage } from './missing_clients';
import type { ProgressListener } from './progress';
import { ReadState } from './record_streams';
import type { SourceRole } from './records';
import type { StagingIndices } from './staging';
import type { IngestSummary } from './summary';

export type LoadCounts = Pick<
  IngestSummary,
  | 'indexed'
  | 'duplicates'
  | 'unmatched_products'
  | 'bulk_failures'
  | 'bulk_retries'
  | 'input_sorted'
>;

export interface LoadSettings {
  tempDir: string;
  chunkRecords?: number;
  bulk?: BulkWriterOptions;
  onProgress?: ProgressListener;
  recorder: RunRecorder | null;
}

export interface Loaded {
  counts: LoadCounts;
  state: ReadState;
  sessionsWithoutCustomer: number;
  labels: Partial<Record<SourceRole, string>>;
}

/**
 * The bulk writer of one load. A document Elasticsearch refuses for good is a rejected row of
 * the source it came from, reported against its source line (the writer keeps each item's line).
 */
function loadWriter(
  client: Client,
  config: IngestConfig,
  staging: StagingIndices,
  labels: Partial<Record<SourceRole, string>>,
  settings: LoadSettings,
  holder: { context: LoadContext | null },
): BulkWriter {
  const refusedRole = (index: string): SourceRole =>
    config.order_lines ? 'order_lines' : index === staging.orders ? 'sessions' : 'customers';
  return new BulkWriter(client, {
    ...settings.bulk,
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
          message: `Elasticsearch refused document '${ref.id.slice(0, 200)}' (status ${status}): ${reason}`,
        },
      ]);
    },
    onRetry: (attempt, delayMs, cause) => {
      settings.bulk?.onRetry?.(attempt, delayMs, cause);
      // The runs index lives on the same cluster: while it is down this write fails too.
      settings.recorder
        ?.log('warn', `bulk retry ${attempt} in ${delayMs} ms: ${cause}`)
        .catch(() => {});
    },
  });
}

function loadContext(
  config: IngestConfig,
  sources: OpenedSources,
  staging: StagingIndices,
  writer: BulkWriter,
  report: ErrorReport,
  settings: LoadSettings,
): LoadContext {
  const chunkRecords = settings.chunkRecords ?? 50_000;
  const rowsBySource = new Map<string, number>();
  const recorder = settings.recorder;
  return {
    config,
    sources,
    staging,
    writer,
    report,
    state: new ReadState(),
    tempDir: settings.tempDir,
    chunkRecords,
    notices: { current: report },
    refused: {},
    coverage:
      config.sessions && config.customers && !config.order_lines
        ? new ClientCoverage(settings.tempDir, chunkRecords * 4)
        : null,
    queued: { count: 0 },
    onProgress: (event) => {
      settings.onProgress?.(event);
      rowsBySource.set(event.label, event.rows);
      const rows = [...rowsBySource.values()].reduce((sum, count) => sum + count, 0);
      recorder?.progress('ingest:load', rows);
    },
    log: (message) => void recorder?.log('info', message).catch(() => {}),
  };
}

/** The sources through validation into the staging indices, in the order each mode needs. */
async function loadSources(context: LoadContext, counts: LoadCounts): Promise<void> {
  const { config, sources } = context;
  if (config.order_lines && sources.order_lines) {
    const lines = await loadOrderLines(context, config.order_lines, sources.order_lines);
    counts.indexed = { orders: lines.orders, downloads: lines.downloads };
    counts.input_sorted.order_lines = lines.inputSorted;
    return;
  }
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
    const sessions = { mapping: config.sessions, source: sources.sessions };
    const orders = await loadOrders(context, sessions, products);
    counts.indexed.orders = orders.written;
    counts.duplicates.sessions = orders.duplicates;
    counts.unmatched_products = orders.unmatchedProducts;
    Object.assign(counts.input_sorted, orders.inputSorted);
  }
}

/** The load stage: every source through validation into the staging indices. */
export async function load(
  client: Client,
  config: IngestConfig,
  sources: OpenedSources,
  staging: StagingIndices,
  report: ErrorReport,
  settings: LoadSettings,
): Promise<Loaded> {
  const labels: Partial<Record<SourceRole, string>> = Object.fromEntries(
    Object.entries(sources).map(([role, source]) => [role, source.label]),
  );
  // The writer's callbacks reach the context through this holder (it is built after the writer).
  const holder: { context: LoadContext | null } = { context: null };
  const writer = loadWriter(client, config, staging, labels, settings, holder);
  const context = loadContext(config, sources, staging, writer, report, settings);
  holder.context = context;
  const counts: LoadCounts = {
    indexed: { orders: 0, downloads: 0 },
    duplicates: { sessions: 0, customers: 0 },
    unmatched_products: 0,
    bulk_failures: 0,
    bulk_retries: 0,
    input_sorted: {},
  };
  try {
    await loadSources(context, counts);
  } catch (error) {
    // The caller deletes the staging indices next: a batch already handed over and sent after
    // that delete would re-create its index (auto-create), so let those land or fail first.
    await writer.settle();
    throw error;
  }
  await writer.flush();
  counts.bulk_failures = Object.values(context.refused).reduce((sum, n) => sum + n, 0);
  counts.bulk_retries = writer.retries;
  const sessionsWithoutCustomer = (await context.coverage?.count()) ?? 0;
  return { counts, state: context.state, sessionsWithoutCustomer, labels };
}
