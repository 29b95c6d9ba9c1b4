import type { ClvDailyRow, ClvSegmentRow } from '../../../../common/reports/clv';
import type { ReportId } from '../../../../common/reports/catalogue';
import { KMEANS_SEGMENTS } from '../../../../common/segments';
import { clvPredictors, predictorParams } from '../../ml/clv/predictors';
import {
  carryProfileFields,
  previousClvReports,
  readReport,
  refreshDecision,
  type RefreshDecision,
} from '../../ml/clv/refresh';
import { keptForecastRows, profileFields } from '../../ml/clv/reports';
import { DEFAULT_SEQUENCE_OPTIONS, SequenceModelStore } from '../../ml/clv/sequence';
import { clvReports, endDayOf, historyProblem, predictClv } from '../../ml/clv/stage';
import { profileId } from '../../ml/segmentation/profiles';
import { tfRuntime } from '../../ml/tf/runtime';
import { kmeansSegmentsOf, stagedProfiles } from './segments';
import type { ProduceStep, ReportProducer, RunData } from './types';

const NEEDS = ['order_pass', 'customers'] as const;

/** Decided once per run (on the first context), logged once. */
const decisionOfRun = new WeakMap<RunData, Promise<RefreshDecision>>();
/** Each context's clv/segments rows, written or carried forward, for the anomalies stage. */
const segmentsOfRun = new WeakMap<RunData, Map<string, ClvSegmentRow[]>>();

/** The `clv/segments` rows this run wrote (or carried forward) for one context, or null. */
export function clvSegmentsOf(run: RunData, dimension: string): ClvSegmentRow[] | null {
  return segmentsOfRun.get(run)?.get(dimension) ?? null;
}

function keepSegments(run: RunData, dimension: string, rows: ClvSegmentRow[]): void {
  if (!segmentsOfRun.has(run)) segmentsOfRun.set(run, new Map());
  segmentsOfRun.get(run)!.set(dimension, rows);
}

/** The run's sequence models, fitted on `all` once per cutoff, disposed when the run ends. */
const sequenceModelsOfRun = new WeakMap<RunData, SequenceModelStore>();

function sequenceModelsOf(run: RunData, all: NonNullable<RunData['pass']>): SequenceModelStore {
  let store = sequenceModelsOfRun.get(run);
  if (!store) {
    const models = new SequenceModelStore(all, DEFAULT_SEQUENCE_OPTIONS, (message) => {
      const count = /(\d+)\/(\d+)/.exec(message);
      run.progress?.(`clv models (all): ${message}`, +(count?.[1] ?? 0), +(count?.[2] ?? 0));
    });
    run.finishers.push({ complete: () => models.dispose(), discard: () => models.dispose() });
    sequenceModelsOfRun.set(run, models);
    store = models;
  }
  return store;
}

function decisionOf(run: RunData): Promise<RefreshDecision> {
  let decision = decisionOfRun.get(run);
  if (!decision) {
    decision = refreshDecision(run.client, run.names, run.range.nowMs, run.force === true).then(
      async (made) => {
        await run.log(`clv: ${made.skip ? 'skipped' : 'refitting'}: ${made.reason}`);
        if (!made.skip) await run.log(`clv: TensorFlow.js backend ${(await tfRuntime()).note}`);
        return made;
      },
    );
    decisionOfRun.set(run, decision);
  }
  return decision;
}

/** A skipped refresh: the previous run's clv reports and profile fields, unchanged. */
async function carryForward(step: ProduceStep, previousRunId: string): Promise<void> {
  const { run, context } = step;
  const docs = await previousClvReports(run.client, run.names, previousRunId, context.dimension);
  for (const doc of docs) {
    step.put(`clv/${doc.type}` as ReportId, doc.data as object[], doc.params ?? {});
    if (doc.type === 'segments') keepSegments(run, context.dimension, doc.data as ClvSegmentRow[]);
  }
  const staging = stagedProfiles(run);
  if (staging) {
    await carryProfileFields(run.client, run.names, await staging, context.dimension);
  }
}

/** CLV (ANALYSES.md "CLV"): weekly backtest of every model against naive, forward prediction. */
export const clvProducer: ReportProducer = {
  family: 'clv',
  stage: 'clv',
  after: ['segments'],
  reports: {
    'clv/daily': NEEDS,
    'clv/backtest': NEEDS,
    'clv/summary': NEEDS,
    'clv/segments': NEEDS,
    'clv/top_customers': NEEDS,
    'clv/p_alive': NEEDS,
  },
  async produce(step: ProduceStep) {
    const { run, context } = step;
    const sequences = step.inputs.sequences();
    if (!sequences || !run.pass || !run.customers) return;
    const decision = await decisionOf(run);
    if (decision.skip && decision.previousRunId) {
      await carryForward(step, decision.previousRunId);
      return;
    }
    const problem = historyProblem(sequences, endDayOf(run.range.nowMs));
    if (problem) {
      await run.log(`clv (${context.dimension}): no prediction: ${problem}`);
      return;
    }
    const predictors = clvPredictors({
      sequenceModels: sequenceModelsOf(run, run.pass),
      onProgress: (message) => {
        const count = /(\d+)\/(\d+)/.exec(message);
        run.progress?.(
          `clv ${context.dimension}: ${message}`,
          +(count?.[1] ?? 0),
          +(count?.[2] ?? 0),
        );
      },
    });
    const outcome = await predictClv(sequences, run.range.nowMs, predictors, (done, total) =>
      run.progress?.(`clv ${context.dimension}`, done, total),
    );
    const clients = run.customers.clients;
    const kmeans = kmeansSegmentsOf(run, context.dimension);
    const segmentOfCustomer = new Map<number, number>();
    kmeans?.customer.forEach((customer, i) => segmentOfCustomer.set(customer, kmeans.segment[i]!));
    const { reports, segments } = clvReports(
      outcome,
      sequences,
      {
        clientOf: (customer) => clients[customer]!,
        segmentOf: (customer) => segmentOfCustomer.get(customer) ?? -1,
        segmentNames: KMEANS_SEGMENTS,
      },
      await predictorParams(predictors),
    );
    const previousDaily = decision.previousRunId
      ? await readReport(run.client, run.names, decision.previousRunId, 'daily', context.dimension)
      : null;
    const kept = keptForecastRows(
      (previousDaily?.data ?? []) as ClvDailyRow[],
      sequences,
      outcome.forward.endDay,
      outcome.madeOn,
    );
    for (const report of reports) {
      const data = report.id === 'clv/daily' ? [...kept, ...report.data] : report.data;
      step.put(report.id, data, report.params);
    }
    keepSegments(run, context.dimension, segments);
    await addProfileFields(step, outcome);
  },
};

async function addProfileFields(
  step: ProduceStep,
  outcome: Awaited<ReturnType<typeof predictClv>>,
): Promise<void> {
  const { run, context } = step;
  const staging = stagedProfiles(run);
  const sequences = step.inputs.sequences();
  if (!staging || !sequences || !run.customers) return;
  const { forward, madeOn } = outcome;
  const clients = run.customers.clients;
  const updates = Array.from(forward.summary.sequence, (i, k) => ({
    id: profileId(context.dimension, clients[sequences.customer[i]!]!),
    fields: profileFields(forward, k, madeOn),
  }));
  await (await staging).addFields(updates);
}
