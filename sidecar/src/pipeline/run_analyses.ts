import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../../../common/indices';
import { DEFAULT_CHURN_FACTOR } from '../analyses/churn';
import { CustomerTableBuilder } from '../analyses/customer_table';
import { PeriodIndex } from '../analyses/periods';
import { DEFAULT_TOP_N } from '../analyses/products';
import { applyRetention, latestCompleteRunId, writeReports } from '../reports/report_store';
import { RunRecorder } from '../runs/run_recorder';
import { BasketStats } from './basket_stats';
import { carryForwardReports } from './carry_forward';
import { PURCHASED, analysisContexts, sessionsQuery } from './context';
import { contextReports, type RunData } from './context_reports';
import {
  discoverCustomerActions,
  discoverDimensions,
  discoverRange,
  discoverSessionActions,
} from './discovery';
import { runOrderPass } from './order_pass';
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

export interface AnalysisOptions {
  /** Report families (`cohort`) or ids (`funnel/session_daily`); all when absent. */
  only?: string[];
  /** Reference time; default: the latest session_start. */
  now?: Date;
  /** Complete runs whose reports are kept (default 5). */
  keep?: number;
  /** Session actions in funnel order; default: discovered, most frequent first. */
  actions?: string[];
  /** Dated customer actions (downloads) in funnel order; default: discovered likewise. */
  customerActions?: string[];
  topN?: number;
  churnFactor?: number;
  onProgress?: (event: ProgressEvent) => void;
  /** Called as each stage starts; a test throws here to fail a run midway. */
  beforeStage?: (stage: AnalysisStage) => void | Promise<void>;
}

export type ProgressEvent =
  | {
      kind: 'stage';
      stage: AnalysisStage;
      status: 'start' | 'complete' | 'skipped';
      message?: string;
    }
  | { kind: 'progress'; stage: AnalysisStage; done: number; total: number };

export interface AnalysisResult {
  runId: string;
  referenceTime: string | null;
  dimensions: string[];
  reports: number;
  /** Full document scans over `orders` (the per-customer pass): 1, or 0 when not needed. */
  orderScans: number;
  stageSeconds: Partial<Record<AnalysisStage, number>>;
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
  const stages = ANALYSIS_STAGES.filter((s) => s !== 'carry_forward' || !selection.isEverything);
  const recorder = await RunRecorder.start(client, names.runs, 'analyses', [...stages]);
  const stageSeconds: Partial<Record<AnalysisStage, number>> = {};
  const emit = (event: ProgressEvent) => options.onProgress?.(event);
  let stageStart = 0;
  const begin = async (stage: AnalysisStage, total: number | null = null) => {
    await options.beforeStage?.(stage);
    await recorder.startStage(stage, total);
    stageStart = performance.now();
    emit({ kind: 'stage', stage, status: 'start' });
  };
  const end = async (
    stage: AnalysisStage,
    message?: string,
    status: 'complete' | 'skipped' = 'complete',
  ) => {
    stageSeconds[stage] = (performance.now() - stageStart) / 1000;
    await recorder.endStage(stage, status, message);
    emit({ kind: 'stage', stage, status, message });
  };
  const progress = (stage: AnalysisStage, done: number, total: number) => {
    recorder.progress(stage, done, total);
    emit({ kind: 'progress', stage, done, total });
  };

  try {
    await begin('discover');
    const previousRunId = await latestCompleteRunId(client, names);
    const range = await discoverRange(client, names, options.now);
    const dimensions = range ? await discoverDimensions(client, names) : [];
    const actions = options.actions ?? (await discoverSessionActions(client, names));
    const customerActions =
      options.customerActions ?? (await discoverCustomerActions(client, names));
    recorder.document.reference_time = range ? new Date(range.nowMs).toISOString() : null;
    await end(
      'discover',
      range
        ? `now ${new Date(range.nowMs).toISOString()}, ${dimensions.length} dimension value(s), actions: ${actions.join(', ') || 'none'}`
        : 'no sessions: nothing to analyse',
    );
    let reportCount = 0;
    let orderScans = 0;
    if (range) {
      const dimensionIndex = new Map(dimensions.map((d, i) => [d, i]));
      const table = new CustomerTableBuilder(customerActions, dimensions.length);
      await begin('customers');
      if (selection.needsCustomers) {
        const downloads = await loadDownloads(client, names.downloads, customerActions, table);
        const firsts = await loadFirstSessions(
          client,
          names.orders,
          sessionsQuery({ dimension: 'all', dimensionIndex: -1 }, range),
          dimensionIndex,
          table,
        );
        await end(
          'customers',
          `${downloads} downloads, ${table.size} customers, ${firsts} first sessions`,
        );
      } else await end('customers', 'not needed by the selected reports', 'skipped');

      await begin('order_pass');
      const run: RunData = {
        client,
        names,
        range,
        actions,
        selection,
        topN: options.topN ?? DEFAULT_TOP_N,
        churnFactor: options.churnFactor ?? DEFAULT_CHURN_FACTOR,
        pass: null,
        customers: null,
        baskets: null,
      };
      if (selection.needsPass) {
        const baskets = selection.needsBaskets
          ? new BasketStats(dimensions.length + 1, new PeriodIndex(range, 'daily'))
          : null;
        const result = await runOrderPass(
          client,
          names.orders,
          sessionsQuery({ dimension: 'all', dimensionIndex: -1 }, range, [PURCHASED]),
          dimensionIndex,
          table,
          {
            withBasket: baskets !== null,
            onOrder: baskets ? (order) => baskets.add(order) : undefined,
            onProgress: (done, total) => progress('order_pass', done, total),
          },
        );
        orderScans = result.scans;
        run.pass = result.orders;
        run.baskets = baskets;
        await end(
          'order_pass',
          `${result.orders.timeMs.length} orders of ${result.orders.customer.length} customers in ${result.pages} pages`,
        );
      } else await end('order_pass', 'not needed by the selected reports', 'skipped');
      if (selection.needsCustomers) run.customers = table.build();

      const contexts = analysisContexts(dimensions);
      await begin('reports', contexts.length);
      for (const [i, context] of contexts.entries()) {
        const reports = await contextReports(run, context);
        await writeReports(client, names, recorder.runId, reports);
        reportCount += reports.length;
        progress('reports', i + 1, contexts.length);
      }
      await end('reports', `${reportCount} reports for ${contexts.length} dimension value(s)`);
    }
    if (!selection.isEverything) {
      await begin('carry_forward');
      const copied = previousRunId
        ? await carryForwardReports(client, names, previousRunId, recorder.runId, (id) =>
            selection.has(id),
          )
        : 0;
      await end('carry_forward', `${copied} reports kept from run ${previousRunId ?? '(none)'}`);
    }
    await client.indices.refresh({ index: names.reports });
    const result: AnalysisResult = {
      runId: recorder.runId,
      referenceTime: recorder.document.reference_time ?? null,
      dimensions,
      reports: reportCount,
      orderScans,
      stageSeconds,
    };
    await recorder.complete({
      reports: reportCount,
      dimensions,
      order_scans: orderScans,
      stage_seconds: stageSeconds,
    });
    try {
      await applyRetention(client, names, options.keep ?? 5);
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
    throw error;
  }
}
