import type { ClvSegmentRow } from '../../../../common/reports/clv';
import type { ReportId } from '../../../../common/reports/catalogue';
import { isoDay } from '../../../../common/time';
import type { OrderSequences } from '../../analyses/order_sequences';
import { backtest, HORIZON_DAYS, type Backtest } from './backtest';
import { BgNbdPredictor } from './bgnbd_predictor';
import { forwardPrediction, type ForwardPrediction } from './forward';
import type { ClvPredictor } from './predictor';
import { sequenceTraining } from './predictors';
import {
  backtestRows,
  dailyRows,
  pAliveRows,
  recentActivity,
  segmentRows,
  summaryRow,
  topCustomerRows,
} from './reports';
import { dayOf, summarize, TIME_UNIT } from './summary';

/** Fewer customers before the backtest's cutoff than this and the fits are not worth showing. */
export const MIN_CUSTOMERS = 50;

/** The day after `nowMs`: orders on now's day count as history, predictions start the next day. */
export function endDayOf(nowMs: number): number {
  return dayOf(nowMs) + 1;
}

/** Why one context's orders cannot give a backtested prediction, or null when they can. */
export function historyProblem(
  sequences: OrderSequences,
  endDay: number,
  horizonDays = HORIZON_DAYS,
): string | null {
  const cutoffDay = endDay - horizonDays;
  const known = summarize(sequences, cutoffDay);
  const cutoff = isoDay(cutoffDay * 86_400_000);
  if (known.x.length === 0) {
    return `no customer bought before ${cutoff} (now − ${horizonDays} days): the backtest needs orders from before its ${horizonDays}-day horizon`;
  }
  if (known.x.length < MIN_CUSTOMERS) {
    return `only ${known.x.length} customer(s) bought before ${cutoff} (now − ${horizonDays} days); the fits need at least ${MIN_CUSTOMERS}`;
  }
  let repeats = 0;
  for (const x of known.x) if (x > 0) repeats++;
  if (repeats === 0) return `no customer bought on two days before ${cutoff}: nothing to fit`;
  return null;
}

export interface ClvOutcome {
  madeOn: string;
  backtest: Backtest;
  forward: ForwardPrediction;
  /** The BG/NBD predictor of the backtest (its fit is stored whichever method wins). */
  bgNbd: BgNbdPredictor;
  /** The sequence models' training in the backtest and, when they won, the forward fit. */
  training: { backtest: object | null; forward: object | null };
}

/** Backtest every predictor, then the chosen method's forward prediction from the day after now. */
export async function predictClv(
  sequences: OrderSequences,
  nowMs: number,
  predictors: readonly ClvPredictor[],
  onStep: (done: number, total: number) => void = () => undefined,
  horizonDays = HORIZON_DAYS,
): Promise<ClvOutcome> {
  const endDay = endDayOf(nowMs);
  const bgNbd = predictors.find((p): p is BgNbdPredictor => p instanceof BgNbdPredictor);
  if (!bgNbd) throw new Error('the CLV stage needs the BG/NBD predictor (P(alive) comes from it)');
  onStep(0, 2);
  const tested = await backtest(sequences, endDay, predictors, horizonDays);
  onStep(1, 2);
  const backtestTraining = sequenceTraining(predictors);
  const forward = await forwardPrediction(
    sequences,
    endDay,
    tested.chosen,
    predictors,
    horizonDays,
  );
  onStep(2, 2);
  const forwardTraining = tested.chosen === 'sequence' ? sequenceTraining(predictors) : null;
  return {
    madeOn: isoDay(nowMs),
    backtest: tested,
    forward,
    bgNbd,
    training: { backtest: backtestTraining, forward: forwardTraining },
  };
}

export interface ClvReport {
  id: ReportId;
  data: object[];
  params: Record<string, unknown>;
}

/** How a context's customers map to clients and k-means segments (from the segments stage). */
export interface ClvLookups {
  clientOf(customer: number): string;
  /** k-means segment index of a customer (the run's dictionary index), −1 when unknown. */
  segmentOf(customer: number): number;
  segmentNames: readonly string[];
}

/** Every clv/* report of one context, and its clv/segments rows for the anomalies stage. */
export function clvReports(
  outcome: ClvOutcome,
  sequences: OrderSequences,
  lookups: ClvLookups,
  extraParams: Record<string, unknown>,
): { reports: ClvReport[]; segments: ClvSegmentRow[] } {
  const { backtest: tested, forward, madeOn } = outcome;
  const customerOfRow = (k: number): number => sequences.customer[forward.summary.sequence[k]!]!;
  const recent = recentActivity(sequences, forward, forward.horizonDays);
  const segmentIndex = (k: number): number => lookups.segmentOf(customerOfRow(k));
  const segments = segmentRows(forward, segmentIndex, lookups.segmentNames, recent);
  const segmentName = (k: number): string | null => lookups.segmentNames[segmentIndex(k)] ?? null;
  const common = {
    made_on: madeOn,
    horizon_days: forward.horizonDays,
    method: forward.method,
    time_unit: TIME_UNIT,
  };
  const model = outcome.bgNbd.lastModel;
  const backtestParams = {
    ...common,
    ...extraParams,
    verdict: tested.reason,
    chosen: tested.chosen,
    cutoff: isoDay(tested.cutoffDay * 86_400_000),
    failures: tested.failures,
    ...(model?.bgNbd.parameters ?? {}),
    ...(model?.gammaGamma.parameters ?? {}),
    log_likelihoods: model
      ? { bg_nbd: model.bgNbd.logLikelihood, gamma_gamma: model.gammaGamma.logLikelihood }
      : null,
    converged: model
      ? { bg_nbd: model.bgNbd.converged, gamma_gamma: model.gammaGamma.converged }
      : null,
    newcomers: tested.newcomers,
    sequence_training: outcome.training,
    forward_bg_nbd: forward.bgNbd
      ? { ...forward.bgNbd.parameters, log_likelihood: forward.bgNbd.logLikelihood }
      : null,
  };
  const reports: ClvReport[] = [
    { id: 'clv/daily', data: dailyRows(tested, forward, madeOn), params: common },
    { id: 'clv/backtest', data: backtestRows(tested), params: backtestParams },
    { id: 'clv/summary', data: [summaryRow(forward, madeOn)], params: common },
    { id: 'clv/segments', data: segments, params: { ...common, scheme: 'kmeans' } },
    {
      id: 'clv/top_customers',
      data: topCustomerRows(
        forward,
        (k) => lookups.clientOf(customerOfRow(k)),
        segmentName,
        recent,
      ),
      params: common,
    },
    { id: 'clv/p_alive', data: pAliveRows(forward.pAlive), params: common },
  ];
  return { reports, segments };
}
