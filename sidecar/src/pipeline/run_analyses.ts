import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../../../common/indices';
import { DEFAULT_CHURN_FACTOR } from '../analyses/churn';
import { CustomerTableBuilder } from '../analyses/customer_table';
import { kpiWindows } from '../analyses/kpis';
import { PeriodIndex, type TimeRange } from '../analyses/periods';
import { DEFAULT_TOP_N } from '../analyses/products';
import { VisitorCounter } from '../analyses/visitors';
import { applyRetention, latestCompleteRunId, writeReports } from '../reports/report_store';
import { RunRecorder } from '../runs/run_recorder';
import { StageRunner, type StageEvent } from '../runs/stage_runner';
import { BasketStats } from './basket_stats';
import { carryForwardReports } from './carry_forward';
import { ALL_CONTEXT, PURCHASED, analysisContexts, sessionsQuery } from './context';
import { contextReports } from './context_reports';
import {
  discoverCustomerActions,
  discoverDimensions,
  discoverRange,
  discoverSessionActions,
} from './discovery';
import { BackgroundOrderPass, numberCustomers } from './order_pass';
import type { RunData, RunFinisher } from './producers/types';
import { loadDownloads, loadFirstSessions } from './queries/customers';
import { ReportSelection } from './selection';

export const ANALYSIS_STAGES = [
  'discover',
  'customers',
  'order_pass',
  'reports',
  'carry_forward',
] as const;
export type AnalysisStage = (typeof ANALYSIS_STAGES)[number];

/** Complete runs whose reports retention keeps. */
export const DEFAULT_KEEP_RUNS = 5;

export interface AnalysisOptions {
  /** Report families (`cohort`) or ids (`funnel/session_daily`); all when absent. */
  only?: string[];
  /** Reference time; default: the latest session_start. */
  now?: Date;
  /** Complete runs whose reports are kept (default DEFAULT_KEEP_RUNS). */
  keep?: number;
  /** Session actions in funnel order; default: discovered, most frequent first. */
  actions?: string[];
  /** Dated customer actions (downloads) in funnel order; default: discovered likewise. */
  customerActions?: string[];
  topN?: number;
  churnFactor?: number;
  /** k of the anomalies' median + k × MAD threshold; default DEFAULT_MAD_K (3.5). */
  anomalyMadK?: number;
  onProgress?: (event: ProgressEvent) => void;
  /** Record into this run (a service's full run) instead of starting an `analyses` run. */
  recorder?: RunRecorder;
  /** Refit what runs on a schedule (the weekly CLV) even when its last result is recent. */
  force?: boolean;
  /** Called as each stage starts; a test throws here to fail a run midway. */
  beforeStage?: (stage: AnalysisStage) => void | Promise<void>;
}

export type ProgressEvent = StageEvent<AnalysisStage>;

export interface AnalysisResult {
  runId: string;
  referenceTime: string | null;
  dimensions: string[];
  reports: number;
  /** Full document scans over `orders` (the per-customer pass): 1, or 0 when not needed. */
  orderScans: number;
  stageSeconds: Partial<Record<AnalysisStage, number>>;
}

type Stages = StageRunner<AnalysisStage>;

interface Discovered {
  range: TimeRange | null;
  dimensions: string[];
  actions: string[];
  customerActions: string[];
}

async function discover(
  stages: Stages,
  client: Client,
  names: IndexNames,
  options: AnalysisOptions,
): Promise<Discovered> {
  await stages.begin('discover');
  const range = await discoverRange(client, names, options.now);
  const dimensions = range ? await discoverDimensions(client, names) : [];
  const actions = options.actions ?? (await discoverSessionActions(client, names));
  const customerActions = options.customerActions ?? (await discoverCustomerActions(client, names));
  stages.recorder.document.reference_time = range ? new Date(range.nowMs).toISOString() : null;
  await stages.end(
    'discover',
    range
      ? `now ${new Date(range.nowMs).toISOString()}, ${dimensions.length} dimension value(s), actions: ${actions.join(', ') || 'none'}`
      : 'no sessions: nothing to analyse',
  );
  return { range, dimensions, actions, customerActions };
}

/**
 * Downloads (when customers are needed) and, at the same time, the week-by-week first-sessions
 * composites that also count the visitors.
 */
async function loadCustomers(
  stages: Stages,
  run: RunData,
  found: Discovered & { range: TimeRange },
  selection: ReportSelection,
  table: CustomerTableBuilder,
): Promise<VisitorCounter | null> {
  const { client, names, range } = run;
  const skipped = 'not needed by the selected reports';
  await stages.begin('customers');
  if (!selection.needs('customers') && !selection.needs('visitors')) {
    await stages.end('customers', skipped, 'skipped');
    return null;
  }
  const weeks = new PeriodIndex(range, 'weekly');
  const visitors = new VisitorCounter(found.dimensions.length + 1, weeks.starts.length);
  const [downloads, firsts] = await Promise.all([
    selection.needs('customers')
      ? loadDownloads(client, names.downloads, found.customerActions, table)
      : 0,
    loadFirstSessions(
      client,
      names.orders,
      {
        sessions: sessionsQuery(ALL_CONTEXT, range),
        weeks,
        windows: kpiWindows(range.nowMs),
        dimensionIndex: new Map(found.dimensions.map((d, i) => [d, i])),
      },
      { table, visitors },
    ),
  ]);
  table.sortByClient();
  await stages.end(
    'customers',
    `${downloads} downloads, ${table.size} customers, ${firsts} first sessions (client × value × week)`,
  );
  return visitors;
}

/** Loads customers and makes the one pass over orders, each only when a selected report needs it. */
async function gatherRunData(
  stages: Stages,
  run: RunData,
  found: Discovered & { range: TimeRange },
  selection: ReportSelection,
): Promise<number> {
  const { client, names } = run;
  const { range, dimensions } = found;
  const dimensionIndex = new Map(dimensions.map((d, i) => [d, i]));
  const table = new CustomerTableBuilder(found.customerActions, dimensions.length);
  const pass = selection.needs('order_pass')
    ? new BackgroundOrderPass(
        client,
        names.orders,
        sessionsQuery(ALL_CONTEXT, range, [PURCHASED]),
        dimensionIndex,
        selection.needs('baskets')
          ? new BasketStats(dimensions.length + 1, new PeriodIndex(range, 'daily'))
          : null,
      )
    : null;
  let visitors: VisitorCounter | null;
  try {
    visitors = await loadCustomers(stages, run, found, selection, table);
    await stages.begin('order_pass');
  } catch (error) {
    pass?.abort();
    throw error;
  }
  let scans = 0;
  if (pass) {
    const result = await pass.finish((done, total) => stages.progress('order_pass', done, total));
    numberCustomers(result, table);
    scans = result.scans;
    run.pass = result.orders;
    run.baskets = pass.baskets;
    await stages.end(
      'order_pass',
      `${result.orders.timeMs.length} orders of ${result.orders.customer.length} customers in ${result.pages} pages (begun with the customers stage)`,
    );
  } else await stages.end('order_pass', 'not needed by the selected reports', 'skipped');
  if (visitors) {
    const built = table.build();
    run.visitors = visitors.build(built);
    if (selection.needs('customers')) run.customers = built;
  }
  return scans;
}

/** Computes and writes every selected report for `all` and each dimension value. */
async function writeAllReports(
  stages: Stages,
  run: RunData,
  dimensions: string[],
  selection: ReportSelection,
): Promise<number> {
  const contexts = analysisContexts(dimensions);
  let count = 0;
  await stages.begin('reports', contexts.length);
  for (const [i, context] of contexts.entries()) {
    const reports = await contextReports(run, context, selection);
    await writeReports(run.client, run.names, stages.recorder.runId, reports);
    count += reports.length;
    stages.progress('reports', i + 1, contexts.length);
  }
  await stages.end('reports', `${count} reports for ${contexts.length} dimension value(s)`);
  return count;
}

async function carryForward(
  stages: Stages,
  client: Client,
  names: IndexNames,
  previousRunId: string | null,
  selection: ReportSelection,
): Promise<void> {
  await stages.begin('carry_forward');
  const runId = stages.recorder.runId;
  const copied = previousRunId
    ? await carryForwardReports(client, names, previousRunId, runId, (id) => selection.has(id))
    : 0;
  await stages.end('carry_forward', `${copied} reports kept from run ${previousRunId ?? '(none)'}`);
}

/**
 * One analyses run: discover the range, dimensions and actions; load customers; make the single
 * pass over orders; compute and write every report for `all` and each dimension value; then mark
 * the run complete and prune old runs. Until `complete`, readers keep the previous complete run.
 */
export async function runAnalyses(
  client: Client,
  names: IndexNames,
  options: AnalysisOptions = {},
): Promise<AnalysisResult> {
  const selection = new ReportSelection(options.only);
  const stageNames = ANALYSIS_STAGES.filter(
    (s) => s !== 'carry_forward' || !selection.isEverything,
  );
  const recorder =
    options.recorder ?? (await RunRecorder.start(client, names.runs, 'analyses', [...stageNames]));
  const stages: Stages = new StageRunner(recorder, options);
  const finishers: RunFinisher[] = [];
  try {
    const previousRunId = await latestCompleteRunId(client, names);
    const found = await discover(stages, client, names, options);
    let reports = 0;
    let orderScans = 0;
    if (found.range) {
      const run: RunData = {
        runId: recorder.runId,
        finishers,
        client,
        names,
        range: found.range,
        actions: found.actions,
        topN: options.topN ?? DEFAULT_TOP_N,
        churnFactor: options.churnFactor ?? DEFAULT_CHURN_FACTOR,
        dimensions: found.dimensions,
        anomalyMadK: options.anomalyMadK,
        pass: null,
        customers: null,
        baskets: null,
        visitors: null,
        log: (message) => recorder.log('info', message),
        force: options.force === true,
        progress: (step, done, total) => stages.progress('reports', done, total, step),
      };
      orderScans = await gatherRunData(stages, run, { ...found, range: found.range }, selection);
      reports = await writeAllReports(stages, run, found.dimensions, selection);
    }
    if (!selection.isEverything) {
      await carryForward(stages, client, names, previousRunId, selection);
    }
    await client.indices.refresh({ index: names.reports });
    const result: AnalysisResult = {
      runId: recorder.runId,
      referenceTime: recorder.document.reference_time ?? null,
      dimensions: found.dimensions,
      reports,
      orderScans,
      stageSeconds: stages.seconds,
    };
    await recorder.complete({
      reports,
      dimensions: found.dimensions,
      order_scans: orderScans,
      stage_seconds: stages.seconds,
    });
    for (const finisher of finishers) await finisher.complete();
    try {
      await applyRetention(client, names, options.keep ?? DEFAULT_KEEP_RUNS);
    } catch (error) {
      // The run is complete and readable; old reports merely stay until the next run prunes them.
      await recorder.log('warn', `retention failed: ${(error as Error).message}`);
    }
    return result;
  } catch (error) {
    await recorder
      .log('error', error instanceof Error ? error.message : String(error))
      .catch(() => undefined);
    await recorder.fail(error).catch(() => undefined);
    await Promise.all(finishers.map((f) => f.discard().catch(() => undefined)));
    throw error;
  }
}
