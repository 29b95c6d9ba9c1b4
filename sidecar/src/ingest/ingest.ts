import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../../../common/indices';
import type { IngestConfig, IngestConfigInput } from '../../../common/source_mapping';
import { CACHE_DIR } from '../paths';
import { RunRecorder } from '../runs/run_recorder';
import { newRunId } from '../runs/run_id';
import { openSource } from '../sources/open_source';
import type { BulkWriterOptions } from './bulk_writer';
import { checkColumns } from './check_columns';
import { validateConfig } from './config';
import { ErrorReport } from './error_report';
import { budgetFailure, shrinkFailure, sourceVerdicts } from './gates';
import { load, type Loaded } from './load';
import type { OpenedSources } from './load_context';
import type { ProgressListener } from './progress';
import {
  interrupted,
  IngestInterrupted,
  LOAD_STOP_WAIT_MS,
  raceAbort,
  settleWithin,
  stoppableSources,
} from './interruption';
import {
  createStaging,
  discardStaging,
  publishStaging,
  refreshStaging,
  type StagingIndices,
} from './staging';
import { removeDeadStaging } from './staging_cleanup';
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
  /** Overrides the config's allow_shrink: publish even if a live index loses over half. */
  allowShrink?: boolean;
  /**
   * Aborting it stops the ingest before it publishes: its staging indices are deleted and its
   * run is recorded `interrupted`; it rejects with IngestInterrupted. The reason (e.g. 'SIGINT')
   * is named in the message.
   */
  signal?: AbortSignal;
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

/** Fills the summary from what the load found; returns why it must not be published, if so. */
function judge(summary: IngestSummary, loaded: Loaded, report: ErrorReport): string | null {
  Object.assign(summary, loaded.counts);
  summary.sessions_without_customer = loaded.sessionsWithoutCustomer;
  summary.rows_read = loaded.state.rowsRead;
  summary.rows_read_total = Object.values(summary.rows_read).reduce((sum, n) => sum + n, 0);
  summary.excluded = loaded.state.excluded;
  summary.rejected.total = report.rejected;
  summary.error_rate = errorRate(report.rejected, summary.rows_read_total);
  const excluded = Object.values(loaded.state.excluded).reduce((sum, n) => sum + n, 0);
  summary.sources = sourceVerdicts({
    labels: loaded.labels,
    rowsRead: loaded.state.rowsRead,
    rejected: report.rejectedBySource,
    setAside: {
      sessions: loaded.counts.duplicates.sessions,
      customers: loaded.counts.duplicates.customers,
      order_lines: excluded,
    },
    limit: summary.max_error_rate,
  });
  const failure = budgetFailure(summary.sources);
  if (failure === null) return null;
  const reasons = Object.entries(report.rejectedByReason)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');
  const first =
    report.examples.length > 0 ? `; first: ${report.examples.slice(0, 3).join(' | ')}` : '';
  return `${failure}. Reasons: ${reasons || 'none'}. See ${report.file}${first}`;
}

/** Prepares an ingest: its run, error report, summary, recorder and temporary directory. */
async function begin(
  client: Client,
  names: IndexNames,
  config: IngestConfig,
  options: IngestOptions,
) {
  const runId = options.recorder?.runId ?? options.runId ?? newRunId();
  const report = new ErrorReport(
    options.errorsFile ?? join(CACHE_DIR, 'runs', runId, 'errors.ndjson'),
  );
  const mode = config.order_lines ? 'order_lines' : 'sources';
  const maxErrorRate = options.maxErrorRate ?? config.max_error_rate;
  const summary = emptySummary(runId, mode, maxErrorRate, report);
  const recorder =
    options.recorder === undefined
      ? await RunRecorder.start(client, names.runs, 'ingest', [...STAGES], { runId })
      : options.recorder;
  const tempDir = await mkdtemp(
    join(options.tempDir ?? tmpdir(), `customer-analytics-ingest-${runId}-`),
  );
  return { runId, report, summary, recorder, tempDir, ownRecorder: options.recorder === undefined };
}

/**
 * The check stage: templates in place, staging indices of ingests that will never publish them
 * removed (listed in the summary), sources open with their columns.
 */
async function check(
  client: Client,
  names: IndexNames,
  config: IngestConfig,
  run: { recorder: RunRecorder | null; summary: IngestSummary },
) {
  await assertTemplates(client, names);
  const removed = await removeDeadStaging(client, names);
  run.summary.removed_staging = removed;
  if (removed.length > 0) {
    const list = removed.map(({ index, reason }) => `${index} (${reason})`).join(', ');
    await run.recorder?.log('warn', `removed staging indices of ingests that are over: ${list}`);
  }
  const sources = openSources(config);
  await checkColumns(config, sources);
  return sources;
}

/**
 * Ends a load that will not be published: its staging indices go (best effort: with
 * Elasticsearch away this fails too, and the next ingest removes them, its run being over) and
 * its run says why — `interrupted` when stopped on request, else `failed`.
 */
async function abandon(
  client: Client,
  run: Awaited<ReturnType<typeof begin>>,
  at: { stage: Stage; staging: StagingIndices | null; loading: Promise<Loaded> | null },
  error: unknown,
): Promise<void> {
  const { recorder, report, summary } = run;
  const stopped = error instanceof IngestInterrupted;
  // A batch sent after the delete would re-create its index (auto-create): let the stopped load
  // drain first. One that still lands belongs to an interrupted run, removed by the next ingest.
  if (stopped && at.loading) await settleWithin(at.loading, LOAD_STOP_WAIT_MS);
  if (at.staging) await discardStaging(client, at.staging).catch(() => undefined);
  await report.close().catch(() => undefined);
  const message = (error as Error).message;
  if (!run.ownRecorder) {
    await recorder?.endStage(at.stage, 'failed', message).catch(() => undefined);
  } else if (stopped) {
    await recorder?.interrupt(message, { ingest: summary }).catch(() => undefined);
  } else {
    await recorder?.fail(error, { ingest: summary }).catch(() => undefined);
  }
}

/**
 * Loads the configured sources into `orders` and `downloads` in ONE pass, then publishes:
 *
 * 1. load — every row is read once, validated and, if valid, turned into its document and
 *    bulk-indexed straight away into fresh staging indices (see staging.ts), so Elasticsearch
 *    indexes while we parse. Sessions and products are joined by a streaming merge when they
 *    come sorted by order_id, else through an external sort (see basket_join.ts). Bad rows go to
 *    the error report.
 * 2. gate (gates.ts) — per source: no valid row, or rejected rows above the maximum error rate
 *    (unmatched products and documents Elasticsearch refused count as rejected); then a full
 *    reload that would shrink a live index by more than half (unless allowed). Any of these:
 *    the staging indices are deleted and the ingest fails; what users see never changed.
 * 3. publish — the staging indices are refreshed, checked (document counts) and swapped in for
 *    the previous ones in one atomic alias change. A full replacement: re-running is
 *    idempotent, changed rows overwrite, removed rows disappear.
 */
export async function ingest(
  client: Client,
  names: IndexNames,
  configInput: IngestConfigInput | IngestConfig,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const config = validateConfig(configInput);
  const run = await begin(client, names, config, options);
  const { report, summary, recorder, tempDir } = run;
  const started = Date.now();
  let stage: Stage = 'ingest:check';
  let staging: StagingIndices | null = null;
  let loading: Promise<Loaded> | null = null;
  const signal = options.signal;
  try {
    await recorder?.startStage(stage);
    const sources = await check(client, names, config, run);
    await recorder?.endStage(stage, 'complete');

    stage = 'ingest:load';
    if (signal?.aborted) throw interrupted(signal, run.runId, stage);
    await recorder?.startStage(stage);
    staging = await createStaging(client, names, run.runId);
    const settings = { ...options, tempDir, recorder };
    const read = signal ? stoppableSources(sources, signal) : sources;
    loading = load(client, config, read, staging, report, settings);
    const loaded = await raceAbort(loading, signal, () => interrupted(signal!, run.runId, stage));
    const allowShrink = options.allowShrink ?? config.allow_shrink;
    const refusal =
      judge(summary, loaded, report) ??
      (await shrinkFailure(client, names, summary.indexed, allowShrink));
    if (refusal !== null) throw new IngestError(refusal, summary);
    const counted = `${summary.rows_read_total} rows read, ${report.rejected} rejected`;
    await recorder?.endStage(stage, 'complete', counted);

    stage = 'ingest:publish';
    if (signal?.aborted) throw interrupted(signal, run.runId, stage);
    await recorder?.startStage(stage);
    await refreshStaging(client, staging, summary.indexed);
    await publishStaging(client, names, staging);
    staging = null;
    summary.status = 'complete';
    summary.duration_ms = Date.now() - started;
    const published = `${summary.indexed.orders} orders, ${summary.indexed.downloads} downloads`;
    await recorder?.endStage(stage, 'complete', published);
    await report.close();
    if (run.ownRecorder) await recorder?.complete({ ingest: summary });
    else await recorder?.log('info', formatSummary(summary));
    return summary;
  } catch (error) {
    summary.duration_ms = Date.now() - started;
    await abandon(client, run, { stage, staging, loading }, error);
    throw error;
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}
