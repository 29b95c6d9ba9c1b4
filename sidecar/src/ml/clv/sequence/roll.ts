import type { TfRuntime } from '../../tf/runtime';
import type { CustomerPrediction } from '../predictor';
import { STEP_FEATURES, windowMeans } from './examples';
import type { PurchaseHistories } from './histories';
import { AMOUNT_KERNEL, unfoldSteps, type LayersModel } from './models';
import { windowedGap } from './lognormal';
import { fromScaled, toScaled } from './scaling';
import type { TrainedModel, TrainedModels } from './train';

type Tf = TfRuntime['tf'];

export interface RollSettings {
  endDay: number;
  horizonDays: number;
  length: number;
  batchSize: number;
  stationaryTolerance: number;
}

/**
 * Rolls every customer forward from their last purchase, carrying the probability `weight` that
 * the path so far happened. Each step the gap model gives the chance the next purchase falls
 * before endDay + horizonDays and where it falls when it does (lognormal.ts, windowedGap); the
 * amount model its amount. Expected purchases and spend get weight × chance, and the customer
 * continues from that purchase with weight × chance — E[N] = Σₖ P(k-th purchase in the horizon),
 * each term along the model's most likely path. Batched over customers per step until none is
 * left with a weight worth rolling.
 *
 * The first step conditions on the open interval e = endDay − last purchase, as an input to the
 * model (examples.ts) and as the window's lower end: a customer quiet for 90 days whose usual gap
 * is 30 is asked for P(gap < horizon | gap ≥ 90) under a distribution trained with the censored
 * intervals of customers who did not come back (models.ts), so long silence lowers their weight.
 *
 * A customer whose predicted gap, chance and amount all changed by at most `stationaryTolerance`
 * (relative) since their previous step has reached the roll's fixed point: further steps would
 * feed the models the same history shifted by one identical step and get the same answer back,
 * so the rest of the horizon repeats that step directly. Frequent buyers would otherwise cost one
 * pass of both models per purchase.
 */
export function rollForward(
  tf: Tf,
  models: TrainedModels,
  histories: PurchaseHistories,
  open: Int32Array,
  settings: RollSettings,
  onProgress?: (message: string) => void,
): CustomerPrediction & RollCounts {
  const rows = open.length;
  const state = initialState(histories, models, settings.length);
  const out = new Outputs(rows, settings.endDay, settings.horizonDays);
  const horizonEnd = settings.endDay + settings.horizonDays;
  const counts: RollCounts = { extrapolated: 0, steps: 0 };
  let active = Int32Array.from({ length: rows }, (_, k) => k);
  for (; active.length > 0; counts.steps++) {
    const rolling: number[] = [];
    for (let from = 0; from < active.length; from += settings.batchSize) {
      const batch = active.subarray(from, from + settings.batchSize);
      const elapsed = Float32Array.from(batch, (k) => (counts.steps === 0 ? open[k]! : 0));
      const remaining = Float64Array.from(batch, (k) => horizonEnd - state.lastTime[k]!);
      const next = predictGaps(tf, models.gap, state.gaps, batch, elapsed, remaining, settings);
      const inside: number[] = [];
      for (let b = 0; b < batch.length; b++) {
        const k = batch[b]!;
        if (state.weight[k]! * next.chance[b]! < MIN_WEIGHT) continue;
        appendStep(state.gaps, k, settings.length, toScaled(models.gap.scale, next.gap[b]!));
        inside.push(b);
      }
      const ks = Int32Array.from(inside, (b) => batch[b]!);
      const amounts = predictAmounts(tf, models.amount, state, ks, settings);
      for (let i = 0; i < inside.length; i++) {
        const [k, gap, chance, amount] = [
          ks[i]!,
          next.gap[inside[i]!]!,
          next.chance[inside[i]!]!,
          amounts[i]!,
        ];
        state.lastTime[k]! += gap;
        state.weight[k]! *= chance;
        out.record(k, state.lastTime[k]!, state.weight[k]!, amount);
        const tolerance = settings.stationaryTolerance;
        if (
          near(state.lastGap[k]!, gap, tolerance) &&
          near(state.lastChance[k]!, chance, tolerance) &&
          near(state.lastAmount[k]!, amount, tolerance)
        ) {
          let weight = state.weight[k]!;
          for (
            let t = state.lastTime[k]! + gap;
            t < horizonEnd && weight * chance >= MIN_WEIGHT;
            t += gap
          ) {
            weight *= chance;
            out.record(k, t, weight, amount);
          }
          counts.extrapolated++;
          continue;
        }
        state.lastGap[k] = gap;
        state.lastChance[k] = chance;
        state.lastAmount[k] = amount;
        rolling.push(k);
      }
    }
    active = Int32Array.from(rolling);
    onProgress?.(
      `CLV sequence roll-forward step ${counts.steps + 1}: ${active.length} of ${rows} customers still rolling`,
    );
  }
  return { ...out.prediction(), ...counts };
}

/** A path less likely than this adds under 0.001 expected purchases a step: not worth a model pass. */
const MIN_WEIGHT = 1e-3;

export interface RollCounts {
  /** Customers whose horizon was completed from their roll's fixed point. */
  extrapolated: number;
  steps: number;
}

function near(previous: number, current: number, tolerance: number): boolean {
  return Math.abs(current - previous) <= tolerance * Math.abs(current);
}

/** The prediction being accumulated: each purchase's spend on its customer and on its day. */
class Outputs {
  private readonly predictedValue: Float64Array;
  private readonly expectedPurchases: Float64Array;
  private readonly dailyTotal: Float64Array;

  constructor(
    rows: number,
    private readonly endDay: number,
    horizonDays: number,
  ) {
    this.predictedValue = new Float64Array(rows);
    this.expectedPurchases = new Float64Array(rows);
    this.dailyTotal = new Float64Array(horizonDays);
  }

  record(k: number, time: number, weight: number, amount: number): void {
    this.predictedValue[k]! += weight * amount;
    this.expectedPurchases[k]! += weight;
    // exp(log1p(x)) − 1 can round a purchase at the window's end onto the first day after it.
    const day = Math.min(Math.floor(time) - this.endDay, this.dailyTotal.length - 1);
    this.dailyTotal[day]! += weight * amount;
  }

  prediction(): CustomerPrediction {
    return {
      predictedValue: this.predictedValue,
      expectedPurchases: this.expectedPurchases,
      dailyTotal: this.dailyTotal,
    };
  }
}

interface RollState {
  /** Per customer `length` steps × STEP_FEATURES, right-aligned: the models' input layout. */
  gaps: Float32Array;
  amounts: Float32Array;
  /** Each customer's mean purchase-day amount, used only when there is no amount model. */
  meanAmount: Float64Array;
  /** Day (fractional) of the last purchase, real or predicted. */
  lastTime: Float64Array;
  /** The previous step's predicted gap and amount (NaN before the first). */
  lastGap: Float64Array;
  lastChance: Float64Array;
  lastAmount: Float64Array;
  /** Probability of the customer's predicted path so far. */
  weight: Float64Array;
}

function initialState(
  histories: PurchaseHistories,
  models: TrainedModels,
  length: number,
): RollState {
  const rows = histories.offsets.length - 1;
  const gaps = new Float32Array(rows * length * STEP_FEATURES);
  const amounts = new Float32Array(rows * length * STEP_FEATURES);
  const meanAmount = new Float64Array(rows);
  const amountScale = models.amount?.scale ?? { mean: 0, std: 1 };
  for (let k = 0; k < rows; k++) {
    const start = histories.offsets[k]!;
    const end = histories.offsets[k + 1]!;
    for (let p = Math.max(start, end - length); p < end; p++) {
      appendStep(amounts, k, length, toScaled(amountScale, histories.amount[p]!));
      meanAmount[k]! += histories.amount[p]! / (end - Math.max(start, end - length));
    }
    for (let p = Math.max(start + 1, end - length); p < end; p++) {
      appendStep(
        gaps,
        k,
        length,
        toScaled(models.gap.scale, histories.day[p]! - histories.day[p - 1]!),
      );
    }
  }
  const lastTime = Float64Array.from(
    { length: rows },
    (_, k) => histories.day[histories.offsets[k + 1]! - 1]!,
  );
  const lastGap = new Float64Array(rows).fill(NaN);
  const lastAmount = new Float64Array(rows).fill(NaN);
  const lastChance = new Float64Array(rows).fill(NaN);
  const weight = new Float64Array(rows).fill(1);
  return { gaps, amounts, meanAmount, lastTime, lastGap, lastChance, lastAmount, weight };
}

/** Shifts customer k's window one step left and writes (value, 1) as its newest step. */
function appendStep(window: Float32Array, k: number, length: number, value: number): void {
  const row = k * length * STEP_FEATURES;
  const end = row + length * STEP_FEATURES;
  window.copyWithin(row, row + STEP_FEATURES, end);
  window[end - 2] = value;
  window[end - 1] = 1;
}

function gather(window: Float32Array, batch: Int32Array, length: number): Float32Array {
  const width = length * STEP_FEATURES;
  const out = new Float32Array(batch.length * width);
  for (let b = 0; b < batch.length; b++) {
    out.set(window.subarray(batch[b]! * width, (batch[b]! + 1) * width), b * width);
  }
  return out;
}

function run(tf: Tf, model: LayersModel, inputs: () => ReturnType<Tf['tensor']>[]): Float32Array {
  const output = tf.tidy(() => {
    const given = inputs();
    // One pass over the whole batch: predict's default of 32 rows costs an LSTM's few hundred
    // kernel calls per 32 customers.
    const result = model.predict(given, { batchSize: given[0]!.shape[0] });
    return Array.isArray(result) ? result[0]! : result;
  });
  const values = output.dataSync() as Float32Array;
  output.dispose();
  return values;
}

/**
 * Each customer's chance of a next purchase in [max(elapsed, 1), remaining) days and its gap when
 * it happens (windowedGap). Consecutive purchase days are ≥ 1 day apart even when the question is
 * unconditional (elapsed 0).
 */
function predictGaps(
  tf: Tf,
  gap: TrainedModels['gap'],
  window: Float32Array,
  batch: Int32Array,
  elapsed: Float32Array,
  remaining: Float64Array,
  settings: RollSettings,
): { gap: Float64Array; chance: Float64Array } {
  const length = settings.length;
  const rows = gather(window, batch, length);
  const mu = run(tf, gap.model, () => [
    tf.tensor3d(rows, [batch.length, length, STEP_FEATURES]),
    tf.tensor2d(
      elapsed.map((e) => toScaled(gap.scale, e)),
      [batch.length, 1],
    ),
    tf.tensor2d(windowMeans(rows, batch.length, length), [batch.length, 1]),
  ]);
  const gaps = new Float64Array(batch.length);
  const chance = new Float64Array(batch.length);
  for (let b = 0; b < batch.length; b++) {
    const low = toScaled(gap.scale, Math.max(elapsed[b]!, 1));
    const high = toScaled(gap.scale, remaining[b]!);
    const next = windowedGap(mu[b]!, gap.sigma, low, high);
    chance[b] = next.probability;
    // The scaled mean maps back inside [max(elapsed, 1), remaining): the purchase is in the horizon.
    gaps[b] = Math.exp(next.meanInside * gap.scale.std + gap.scale.mean) - 1;
  }
  return { gap: gaps, chance };
}

function predictAmounts(
  tf: Tf,
  amount: TrainedModel | null,
  state: RollState,
  batch: Int32Array,
  settings: RollSettings,
): Float64Array {
  if (batch.length === 0) return new Float64Array(0);
  if (amount === null) return Float64Array.from(batch, (k) => state.meanAmount[k]!);
  const length = settings.length;
  const rows = gather(state.amounts, batch, length);
  const scaled = run(tf, amount.model, () => [
    tf.tensor3d(unfoldSteps(rows, batch.length, length), [
      batch.length,
      length,
      AMOUNT_KERNEL * STEP_FEATURES,
    ]),
    tf.tensor2d(windowMeans(rows, batch.length, length), [batch.length, 1]),
  ]);
  const amounts = Float64Array.from(scaled, (s) =>
    Math.max(0, fromScaled(amount.scale, s, amount.smearing)),
  );
  for (let b = 0; b < batch.length; b++) {
    appendStep(state.amounts, batch[b]!, length, toScaled(amount.scale, amounts[b]!));
  }
  return amounts;
}
