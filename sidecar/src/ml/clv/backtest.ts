import type { OrderSequences } from '../../analyses/order_sequences';
import { fitBgNbd, type BgNbdFit } from './bgnbd';
import { forecastCustomers, newcomerRate, type NewcomerRate } from './forecast';
import { fitGammaGamma, type GammaGammaFit } from './gamma_gamma';
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

export type ClvMethod = 'bg_nbd_gamma_gamma' | 'naive';

export interface Backtest {
  timeUnit: typeof TIME_UNIT;
  cutoffDay: number;
  horizonDays: number;
  customers: number;
  bgNbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
  newcomers: NewcomerRate;
  scores: Record<ClvMethod, Scores>;
  /** Horizon days' totals: what happened and what each method predicted. */
  daily: { actual: Float64Array; bg_nbd_gamma_gamma: Float64Array; naive: Float64Array };
  better: ClvMethod;
  reason: string;
}

/**
 * Fits on orders before `nowDay − horizonDays` and predicts the next `horizonDays` (ANALYSES.md
 * "CLV"). The naive baseline repeats each customer's previous `horizonDays`: per customer their
 * spend then, per day the total of the day `horizonDays` earlier. The method with the lower
 * per-customer MAE is the better one — the forward prediction is made per customer.
 */
export function backtest(
  sequences: OrderSequences,
  nowDay: number,
  horizonDays = HORIZON_DAYS,
): Backtest {
  const cutoffDay = nowDay - horizonDays;
  const summary = summarize(sequences, cutoffDay);
  if (summary.x.length === 0) {
    throw new Error(
      `CLV backtest: no customer bought before day ${cutoffDay} (now − ${horizonDays} days)`,
    );
  }
  const bgNbd = fitBgNbd(summary);
  const gammaGamma = fitGammaGamma(summary);
  const forecast = forecastCustomers(summary, bgNbd.parameters, gammaGamma.parameters, horizonDays);
  const newcomers = newcomerRate(summary, cutoffDay - horizonDays, cutoffDay);

  const perCustomer = { model: [0, 0], naive: [0, 0] };
  for (let k = 0; k < summary.x.length; k++) {
    const i = summary.sequence[k]!;
    const actual = spendBetween(sequences, i, cutoffDay, nowDay);
    const naive = spendBetween(sequences, i, cutoffDay - horizonDays, cutoffDay);
    const model = forecast.predictedValue[k]!;
    perCustomer.model[0]! += Math.abs(model - actual);
    perCustomer.model[1]! += model - actual;
    perCustomer.naive[0]! += Math.abs(naive - actual);
    perCustomer.naive[1]! += naive - actual;
  }
  const daily = dailyTotals(sequences, cutoffDay, horizonDays);
  const modelDaily = forecast.dailyTotal.map(
    (total) => total + newcomers.dailyNewBuyers * newcomers.meanFirstAmount,
  );
  const n = summary.x.length;
  const scores: Record<ClvMethod, Scores> = {
    bg_nbd_gamma_gamma: {
      customerMae: perCustomer.model[0]! / n,
      customerBias: perCustomer.model[1]! / n,
      dailyTotalMae: meanAbsoluteDifference(modelDaily, daily.actual),
    },
    naive: {
      customerMae: perCustomer.naive[0]! / n,
      customerBias: perCustomer.naive[1]! / n,
      dailyTotalMae: meanAbsoluteDifference(daily.previous, daily.actual),
    },
  };
  const better =
    scores.bg_nbd_gamma_gamma.customerMae < scores.naive.customerMae
      ? 'bg_nbd_gamma_gamma'
      : 'naive';
  return {
    timeUnit: TIME_UNIT,
    cutoffDay,
    horizonDays,
    customers: n,
    bgNbd,
    gammaGamma,
    newcomers,
    scores,
    daily: { actual: daily.actual, bg_nbd_gamma_gamma: modelDaily, naive: daily.previous },
    better,
    reason: verdict(scores, better),
  };
}

function verdict(scores: Record<ClvMethod, Scores>, better: ClvMethod): string {
  const model = scores.bg_nbd_gamma_gamma;
  const naive = scores.naive;
  const ratio = model.customerMae / naive.customerMae;
  const money = (value: number): string => value.toFixed(2);
  const which =
    better === 'bg_nbd_gamma_gamma'
      ? `BG/NBD + Gamma-Gamma is better: its per-customer error is ${(100 * (1 - ratio)).toFixed(1)} % lower than repeating each customer's previous 6 months`
      : `Repeating each customer's previous 6 months is better: BG/NBD + Gamma-Gamma's per-customer error is ${(100 * (ratio - 1)).toFixed(1)} % higher`;
  return (
    `${which} (MAE ${money(model.customerMae)} vs ${money(naive.customerMae)}, bias ` +
    `${money(model.customerBias)} vs ${money(naive.customerBias)}; daily-total MAE ` +
    `${money(model.dailyTotalMae)} vs ${money(naive.dailyTotalMae)}).`
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
