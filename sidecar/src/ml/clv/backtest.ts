import { CLV_METHOD_LABELS, type ClvMethod } from '../../../../common/reports/clv';
import type { OrderSequences } from '../../analyses/order_sequences';
import { newcomerRate, type NewcomerRate } from './forecast';
import type { ClvPredictor } from './predictor';
import { dayOf, spendBetween, summarize, TIME_UNIT } from './summary';

export const HORIZON_DAYS = 182;

export interface Scores {
  /** Mean |predicted − actual| horizon spend over customers known at the cutoff. */
  customerMae: number;
  /** Mean (predicted − actual): positive = over-prediction. */
  customerBias: number;
  /** Mean |predicted − actual| of each horizon day's total, newcomers included. */
  dailyTotalMae: number;
}

export interface Backtest {
  timeUnit: typeof TIME_UNIT;
  cutoffDay: number;
  horizonDays: number;
  customers: number;
  newcomers: NewcomerRate;
  /** Scores of naive and of every predictor that produced a prediction, in predictor order. */
  scores: Partial<Record<ClvMethod, Scores>> & { naive: Scores };
  /** Horizon days' totals: what happened and what each scored method predicted. */
  daily: Partial<Record<ClvMethod, Float64Array>> & { actual: Float64Array; naive: Float64Array };
  /** Predictors that could not predict (e.g. a Gamma-Gamma fit with q ≤ 1), with the reason. */
  failures: { method: ClvMethod; reason: string }[];
  /** The method with the lowest per-customer MAE: it makes the forward prediction. */
  chosen: ClvMethod;
  reason: string;
}

/**
 * Fits every predictor on orders before `endDay − horizonDays` and predicts the next
 * `horizonDays` (ANALYSES.md "CLV"), beside the naive baseline that repeats each customer's
 * previous `horizonDays` (per customer their spend then, per day the total `horizonDays` earlier).
 * Newcomers are added to every model's daily totals the same way. The lowest per-customer MAE
 * wins: the forward prediction is made per customer.
 */
export async function backtest(
  sequences: OrderSequences,
  endDay: number,
  predictors: readonly ClvPredictor[],
  horizonDays = HORIZON_DAYS,
): Promise<Backtest> {
  const cutoffDay = endDay - horizonDays;
  const summary = summarize(sequences, cutoffDay);
  const n = summary.x.length;
  if (n === 0) {
    throw new Error(
      `CLV backtest: no customer bought before day ${cutoffDay} (now − ${horizonDays} days)`,
    );
  }
  const actual = new Float64Array(n);
  const naive = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = summary.sequence[k]!;
    actual[k] = spendBetween(sequences, i, cutoffDay, endDay);
    naive[k] = spendBetween(sequences, i, cutoffDay - horizonDays, cutoffDay);
  }
  const totals = dailyTotals(sequences, cutoffDay, horizonDays);
  const newcomers = newcomerRate(summary, cutoffDay - horizonDays, cutoffDay);
  const perDayNewcomers = newcomers.dailyNewBuyers * newcomers.meanFirstAmount;

  const scores: Backtest['scores'] = {
    naive: score(naive, actual, totals.previous, totals.actual),
  };
  const daily: Backtest['daily'] = { actual: totals.actual, naive: totals.previous };
  const failures: Backtest['failures'] = [];
  for (const predictor of predictors) {
    try {
      const prediction = await predictor.predict(sequences, summary, cutoffDay, horizonDays);
      const withNewcomers = prediction.dailyTotal.map((total) => total + perDayNewcomers);
      daily[predictor.method] = withNewcomers;
      scores[predictor.method] = score(
        prediction.predictedValue,
        actual,
        withNewcomers,
        totals.actual,
      );
    } catch (error) {
      failures.push({ method: predictor.method, reason: (error as Error).message });
    }
  }
  const chosen = chooseMethod(scores);
  return {
    timeUnit: TIME_UNIT,
    cutoffDay,
    horizonDays,
    customers: n,
    newcomers,
    scores,
    daily,
    failures,
    chosen,
    reason: verdict(scores, chosen),
  };
}

function score(
  predicted: ArrayLike<number>,
  actual: ArrayLike<number>,
  predictedDaily: ArrayLike<number>,
  actualDaily: ArrayLike<number>,
): Scores {
  let absolute = 0;
  let signed = 0;
  for (let k = 0; k < actual.length; k++) {
    absolute += Math.abs(predicted[k]! - actual[k]!);
    signed += predicted[k]! - actual[k]!;
  }
  return {
    customerMae: absolute / actual.length,
    customerBias: signed / actual.length,
    dailyTotalMae: meanAbsoluteDifference(predictedDaily, actualDaily),
  };
}

/** Lowest per-customer MAE; ties keep the earlier method (models before naive, in order). */
function chooseMethod(scores: Backtest['scores']): ClvMethod {
  const methods = (Object.keys(scores) as ClvMethod[]).filter((m) => m !== 'naive');
  let best: ClvMethod = 'naive';
  for (const method of methods) {
    if (scores[method]!.customerMae < scores[best]!.customerMae) best = method;
  }
  return best;
}

const money = (value: number): string => value.toFixed(2);

const NAIVE_PHRASE = "repeating each customer's previous 6 months";

/** "… N % lower/higher than …" of method `a` against `b` by per-customer MAE. */
function comparison(scores: Backtest['scores'], a: ClvMethod, b: ClvMethod): string {
  const ratio = scores[a]!.customerMae / scores[b]!.customerMae;
  const percent = (100 * Math.abs(1 - ratio)).toFixed(1);
  const direction = ratio <= 1 ? 'lower' : 'higher';
  const other = b === 'naive' ? NAIVE_PHRASE : `${CLV_METHOD_LABELS[b]}'s`;
  return `${percent} % ${direction} than ${other} (MAE ${money(scores[a]!.customerMae)} vs ${money(scores[b]!.customerMae)})`;
}

/** Names the winner and how far it beat each other method, models first, naive last. */
function verdict(scores: Backtest['scores'], chosen: ClvMethod): string {
  const others = (Object.keys(scores) as ClvMethod[])
    .filter((m) => m !== chosen)
    .sort((a, b) => Number(a === 'naive') - Number(b === 'naive'));
  const against = others.map((other) => comparison(scores, chosen, other));
  const best = scores[chosen]!;
  if (against.length === 0) against.push('the only one scored (no model could predict)');
  const winner =
    chosen === 'naive' ? "Repeating each customer's previous 6 months" : CLV_METHOD_LABELS[chosen];
  return (
    `${winner} predicted the backtest's 6 months best: its per-customer error is ` +
    `${against.join(', and ')}. Its bias is ${money(best.customerBias)} per customer and its ` +
    `daily-total MAE ${money(best.dailyTotalMae)}.`
  );
}

/** Each horizon day's actual total and the total of the day `horizonDays` before it. */
function dailyTotals(
  sequences: OrderSequences,
  cutoffDay: number,
  horizonDays: number,
): { actual: Float64Array; previous: Float64Array } {
  const actual = new Float64Array(horizonDays);
  const previous = new Float64Array(horizonDays);
  for (let row = 0; row < sequences.timeMs.length; row++) {
    const offset = dayOf(sequences.timeMs[row]!) - cutoffDay;
    if (offset >= 0 && offset < horizonDays) actual[offset]! += sequences.amount[row]!;
    else if (offset >= -horizonDays && offset < 0)
      previous[offset + horizonDays]! += sequences.amount[row]!;
  }
  return { actual, previous };
}

function meanAbsoluteDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += Math.abs(a[i]! - b[i]!);
  return total / a.length;
}
