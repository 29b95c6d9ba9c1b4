import type { ClvMethod } from '../../../../common/reports/clv';
import type { OrderSequences } from '../../analyses/order_sequences';
import { fitBgNbd, probabilityAlive, type BgNbdFit } from './bgnbd';
import { newcomerRate, type NewcomerRate } from './forecast';
import { BgNbdPredictor } from './bgnbd_predictor';
import type { ClvPredictor, CustomerPrediction } from './predictor';
import { dayOf, summarize, type CustomerSummary } from './summary';

/** The chosen method's prediction for the `horizonDays` from `endDay` (the day after now). */
export interface ForwardPrediction {
  method: ClvMethod;
  endDay: number;
  horizonDays: number;
  summary: CustomerSummary;
  prediction: CustomerPrediction;
  /** BG/NBD's P(alive) per summary row, whichever method predicts; null when it cannot fit. */
  pAlive: Float64Array | null;
  bgNbd: BgNbdFit | null;
  newcomers: NewcomerRate;
  /** Per horizon day: known customers' predicted spend plus newcomers. */
  dailyTotal: Float64Array;
}

/**
 * Fits `method` on every order before `endDay` and predicts the next `horizonDays`. The naive
 * method repeats each customer's last `horizonDays` (per customer, and per day shifted forward).
 */
export async function forwardPrediction(
  sequences: OrderSequences,
  endDay: number,
  method: ClvMethod,
  predictors: readonly ClvPredictor[],
  horizonDays: number,
): Promise<ForwardPrediction> {
  const summary = summarize(sequences, endDay);
  const predictor = predictors.find((p) => p.method === method);
  const prediction = predictor
    ? await predictor.predict(sequences, summary, endDay, horizonDays)
    : naivePrediction(sequences, summary, endDay, horizonDays);
  let bgNbd: BgNbdFit | null = null;
  let pAlive: Float64Array | null = null;
  if (predictor instanceof BgNbdPredictor && predictor.lastModel) {
    // It has just fitted this very summary: its P(alive) is the one to show, no second fit.
    bgNbd = predictor.lastModel.bgNbd;
    pAlive = predictor.lastModel.forecast.probabilityAlive;
  } else {
    try {
      bgNbd = fitBgNbd(summary);
      const parameters = bgNbd.parameters;
      pAlive = summary.x.map((x, k) =>
        probabilityAlive(parameters, x, summary.tX[k]!, summary.T[k]!),
      );
    } catch {
      // P(alive) is shown when BG/NBD fits; the prediction itself does not depend on it.
    }
  }
  const newcomers = newcomerRate(summary, endDay - horizonDays, endDay);
  const perDay = newcomers.dailyNewBuyers * newcomers.meanFirstAmount;
  return {
    method,
    endDay,
    horizonDays,
    summary,
    prediction,
    pAlive,
    bgNbd,
    newcomers,
    dailyTotal: prediction.dailyTotal.map((total) => total + (predictor ? perDay : 0)),
  };
}

/**
 * Each customer repeats their last `horizonDays`: the same spend and purchase days, and each
 * horizon day the total of the day `horizonDays` earlier (which already holds that period's
 * newcomers, so none are added).
 */
export function naivePrediction(
  sequences: OrderSequences,
  summary: CustomerSummary,
  endDay: number,
  horizonDays: number,
): CustomerPrediction {
  const n = summary.x.length;
  const predictedValue = new Float64Array(n);
  const expectedPurchases = new Float64Array(n);
  const dailyTotal = new Float64Array(horizonDays);
  const fromDay = endDay - horizonDays;
  for (let k = 0; k < n; k++) {
    const i = summary.sequence[k]!;
    let lastDay = Number.NaN;
    for (let row = sequences.offsets[i]!; row < sequences.offsets[i + 1]!; row++) {
      const day = dayOf(sequences.timeMs[row]!);
      if (day < fromDay || day >= endDay) continue;
      predictedValue[k]! += sequences.amount[row]!;
      dailyTotal[day - fromDay]! += sequences.amount[row]!;
      if (day !== lastDay) expectedPurchases[k]! += 1;
      lastDay = day;
    }
  }
  return { predictedValue, expectedPurchases, dailyTotal };
}
