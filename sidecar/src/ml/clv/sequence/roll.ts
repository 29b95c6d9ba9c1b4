import type { TfRuntime } from '../../tf/runtime';
import type { CustomerPrediction } from '../predictor';
import { STEP_FEATURES, windowMeans } from './examples';
import type { PurchaseHistories } from './histories';
import { AMOUNT_KERNEL, unfoldSteps, type LayersModel } from './models';
import { fromScaled, toScaled } from './scaling';
import type { TrainedModel, TrainedModels } from './train';

type Tf = TfRuntime['tf'];

export interface RollSettings {
  endDay: number;
  horizonDays: number;
  length: number;
  batchSize: number;
}

/**
 * Rolls every customer forward from their last purchase: predict the next gap, and when the
 * purchase lands before endDay + horizonDays, its amount; append both to the customer's history
 * and repeat with the customers still inside the horizon, batch by batch, until none is.
 *
 * The first step asks the gap model conditionally on the open interval e = endDay − last purchase
 * (examples.ts): a customer 90 days quiet whose usual gap is 30 gets the model's E[gap | gap ≥ 90],
 * long when quiet customers in the training data tended not to come back. Should the model still
 * answer below e, the purchase cannot be in the past: it is placed at endDay and counted in
 * `placedAtEndDay`, so the lead can see how often the model's answer was overridden.
 */
export function rollForward(
  tf: Tf,
  models: TrainedModels,
  histories: PurchaseHistories,
  open: Int32Array,
  settings: RollSettings,
  onProgress?: (message: string) => void,
): CustomerPrediction & { placedAtEndDay: number; steps: number } {
  const rows = open.length;
  const state = initialState(histories, models, settings.length);
  const predictedValue = new Float64Array(rows);
  const expectedPurchases = new Float64Array(rows);
  const dailyTotal = new Float64Array(settings.horizonDays);
  const lastTime = new Float64Array(rows);
  for (let k = 0; k < rows; k++) lastTime[k] = histories.day[histories.offsets[k + 1]! - 1]!;
  const horizonEnd = settings.endDay + settings.horizonDays;
  let active = Int32Array.from({ length: rows }, (_, k) => k);
  let placedAtEndDay = 0;
  let steps = 0;
  for (; active.length > 0; steps++) {
    const landed: number[] = [];
    for (let from = 0; from < active.length; from += settings.batchSize) {
      const batch = active.subarray(from, from + settings.batchSize);
      const elapsed = Float32Array.from(batch, (k) => (steps === 0 ? open[k]! : 0));
      const gaps = predictGaps(tf, models.gap, state.gaps, batch, elapsed, settings.length);
      const inside: number[] = [];
      for (let b = 0; b < batch.length; b++) {
        const k = batch[b]!;
        if (gaps[b]! < elapsed[b]!) placedAtEndDay++;
        const gap = Math.max(gaps[b]!, elapsed[b]!, 1);
        const next = lastTime[k]! + gap;
        if (next >= horizonEnd) continue;
        appendStep(state.gaps, k, settings.length, toScaled(models.gap.scale, gap));
        lastTime[k] = next;
        inside.push(k);
      }
      const amounts = predictAmounts(tf, models.amount, state, Int32Array.from(inside), settings);
      for (let b = 0; b < inside.length; b++) {
        const k = inside[b]!;
        const amount = amounts[b]!;
        predictedValue[k]! += amount;
        expectedPurchases[k]! += 1;
        dailyTotal[Math.floor(lastTime[k]!) - settings.endDay]! += amount;
        landed.push(k);
      }
    }
    active = Int32Array.from(landed);
    onProgress?.(
      `CLV sequence roll-forward step ${steps + 1}: ${active.length} of ${rows} customers still buy before the horizon`,
    );
  }
  return { predictedValue, expectedPurchases, dailyTotal, placedAtEndDay, steps };
}

interface RollState {
  /** Per customer `length` steps × STEP_FEATURES, right-aligned: the models' input layout. */
  gaps: Float32Array;
  amounts: Float32Array;
  /** Each customer's mean purchase-day amount, used only when there is no amount model. */
  meanAmount: Float64Array;
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
  return { gaps, amounts, meanAmount };
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
    const result = model.predict(inputs());
    return Array.isArray(result) ? result[0]! : result;
  });
  const values = output.dataSync() as Float32Array;
  output.dispose();
  return values;
}

function predictGaps(
  tf: Tf,
  gap: TrainedModel,
  window: Float32Array,
  batch: Int32Array,
  elapsed: Float32Array,
  length: number,
): Float64Array {
  const scaledElapsed = elapsed.map((e) => toScaled(gap.scale, e));
  const rows = gather(window, batch, length);
  const scaled = run(tf, gap.model, () => [
    tf.tensor3d(rows, [batch.length, length, STEP_FEATURES]),
    tf.tensor2d(scaledElapsed, [batch.length, 1]),
    tf.tensor2d(windowMeans(rows, batch.length, length), [batch.length, 1]),
  ]);
  return Float64Array.from(scaled, (s) => fromScaled(gap.scale, s, gap.smearing));
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
