import type { Random } from '../../../demo/random';
import type { PurchaseHistories } from './histories';
import { toScaled, type LogScale } from './scaling';

/** Two features per time step: the scaled value and 1 (0, 0 for the left padding of short histories). */
export const STEP_FEATURES = 2;

/**
 * One epoch's gap examples. `target` holds (scaled log1p gap, censored) pairs: censored = 1 when the
 * "gap" is the customer's open interval at endDay, known only to be at least that long.
 */
export interface GapExamples {
  count: number;
  sequence: Float32Array;
  elapsed: Float32Array;
  target: Float32Array;
}

export interface AmountExamples {
  count: number;
  sequence: Float32Array;
  target: Float32Array;
}

/** Days from each row's last purchase to endDay: the open, censored interval (≥ 1). */
export function openIntervals(histories: PurchaseHistories, endDay: number): Int32Array {
  const rows = histories.offsets.length - 1;
  const open = new Int32Array(rows);
  for (let k = 0; k < rows; k++) open[k] = endDay - histories.day[histories.offsets[k + 1]! - 1]!;
  return open;
}

/** Every completed gap plus every open interval: what the gap scale is fitted on. */
export function allIntervals(histories: PurchaseHistories, open: Int32Array): Float64Array {
  const values: number[] = Array.from(open);
  for (let k = 0; k + 1 < histories.offsets.length; k++) {
    for (let p = histories.offsets[k]! + 1; p < histories.offsets[k + 1]!; p++) {
      values.push(histories.day[p]! - histories.day[p - 1]!);
    }
  }
  return Float64Array.from(values);
}

/** Every row index once, in a seeded random order (Fisher–Yates). */
export function sampleRows(rows: number, random: Random): Int32Array {
  const order = new Int32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  for (let i = rows - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const swap = order[i]!;
    order[i] = order[j]!;
    order[j] = swap;
  }
  return order;
}

/**
 * Gap examples from randomly ordered rows, each customer cut at a random purchase: the history is
 * the gaps before the cut (none for a cut at the first purchase, which is how customers with one
 * purchase day get a forecast: the model learns everyone's first gap), the target the next gap, or
 * the open interval at endDay (censored) when the cut is at the last purchase.
 *
 * The elapsed input teaches the model the hard case of prediction: a customer whose last purchase
 * was `e` days before endDay has a next gap ≥ e. Half the examples ask the unconditional question
 * (e = 0, as every roll-forward step after the first does); the other half draw e from the open
 * intervals actually seen at endDay, the distribution prediction meets, and are dropped when the
 * target is shorter than e. Dropping — not redrawing e — keeps the examples with a given e a fair
 * sample of the gaps ≥ e, so the model learns E[log gap | history, gap ≥ e].
 */
export function gapExamples(
  histories: PurchaseHistories,
  open: Int32Array,
  scale: LogScale,
  length: number,
  limit: number,
  random: Random,
): GapExamples {
  const rows = open.length;
  const order = sampleRows(rows, random);
  const capacity = Math.min(limit, rows);
  const sequence = new Float32Array(capacity * length * STEP_FEATURES);
  const elapsed = new Float32Array(capacity);
  const target = new Float32Array(capacity * 2);
  let count = 0;
  for (let r = 0; r < rows && count < capacity; r++) {
    const k = order[r]!;
    const start = histories.offsets[k]!;
    const gaps = histories.offsets[k + 1]! - start - 1;
    const cut = random.int(gaps + 1);
    const censored = cut === gaps;
    const next = censored
      ? open[k]!
      : histories.day[start + cut + 1]! - histories.day[start + cut]!;
    const e = random.bernoulli(0.5) ? 0 : open[random.int(rows)]!;
    if (e > next) continue;
    const base = count * length * STEP_FEATURES;
    const first = Math.max(1, cut - length + 1);
    for (let t = first; t <= cut; t++) {
      const at = base + (length - 1 - (cut - t)) * STEP_FEATURES;
      sequence[at] = toScaled(scale, histories.day[start + t]! - histories.day[start + t - 1]!);
      sequence[at + 1] = 1;
    }
    elapsed[count] = toScaled(scale, e);
    target[2 * count] = toScaled(scale, next);
    target[2 * count + 1] = censored ? 1 : 0;
    count++;
  }
  return {
    count,
    sequence: sequence.subarray(0, count * length * STEP_FEATURES),
    elapsed: elapsed.subarray(0, count),
    target: target.subarray(0, 2 * count),
  };
}

/** Amount examples: customers with ≥ 2 purchase days cut at a random repeat purchase. */
export function amountExamples(
  histories: PurchaseHistories,
  scale: LogScale,
  length: number,
  limit: number,
  random: Random,
): AmountExamples {
  const rows = histories.offsets.length - 1;
  const order = sampleRows(rows, random);
  const sequence = new Float32Array(Math.min(limit, rows) * length * STEP_FEATURES);
  const target = new Float32Array(Math.min(limit, rows));
  let count = 0;
  for (let r = 0; r < rows && count < target.length; r++) {
    const k = order[r]!;
    const start = histories.offsets[k]!;
    const purchases = histories.offsets[k + 1]! - start;
    if (purchases < 2) continue;
    const cut = 1 + random.int(purchases - 1);
    const base = count * length * STEP_FEATURES;
    for (let t = Math.max(0, cut - length); t < cut; t++) {
      const at = base + (length - (cut - t)) * STEP_FEATURES;
      sequence[at] = toScaled(scale, histories.amount[start + t]!);
      sequence[at + 1] = 1;
    }
    target[count] = toScaled(scale, histories.amount[start + cut]!);
    count++;
  }
  return {
    count,
    sequence: sequence.subarray(0, count * length * STEP_FEATURES),
    target: target.subarray(0, count),
  };
}

/** Per row of `length` steps: the mean of its present steps' values (0 for an empty history). */
export function windowMeans(rows: Float32Array, count: number, length: number): Float32Array {
  const means = new Float32Array(count);
  for (let r = 0; r < count; r++) {
    let sum = 0;
    let present = 0;
    for (let t = 0; t < length; t++) {
      const at = (r * length + t) * STEP_FEATURES;
      if (rows[at + 1] === 0) continue;
      sum += rows[at]!;
      present++;
    }
    means[r] = present > 0 ? sum / present : 0;
  }
  return means;
}
