import type { TfRuntime } from '../../tf/runtime';
import { STEP_FEATURES } from './examples';

type Tf = TfRuntime['tf'];
type Tensor = ReturnType<Tf['tensor']>;
export type LayersModel = ReturnType<Tf['model']>;
type SymbolicTensor = ReturnType<Tf['input']>;

export interface ModelShape {
  length: number;
  units: number;
  seed: number;
}

/** Each layer its own seed: equal seeds would start parallel layers on identical weights. */
function seeded(tf: Tf, seed: number, layer: number) {
  return {
    kernelInitializer: tf.initializers.glorotUniform({ seed: seed * 16 + layer }),
    biasInitializer: tf.initializers.zeros(),
  };
}

function lstm(tf: Tf, shape: ModelShape, layer: number) {
  return tf.layers.lstm({
    units: shape.units,
    ...seeded(tf, shape.seed, layer),
    recurrentInitializer: tf.initializers.orthogonal({ seed: shape.seed * 16 + layer + 8 }),
  });
}

/**
 * Both models predict a correction to `baseline`, the mean of the customer's scaled history (0,
 * the population mean, for an empty one): a customer's next gap or amount is mostly their usual
 * one, so the network spends its capacity on how the recent pattern, and for gaps the elapsed
 * time, move it away from that, instead of first having to learn to copy its input.
 */
function plusBaseline(tf: Tf, correction: SymbolicTensor, baseline: SymbolicTensor) {
  return tf.layers.add().apply([correction, baseline]) as SymbolicTensor;
}

/**
 * Next gap: an LSTM over the scaled gap history, its last state joined with the scaled elapsed
 * time at which the question is asked (see examples.ts) and the baseline, then a dense head.
 */
export function gapModel(tf: Tf, shape: ModelShape): LayersModel {
  const history = tf.input({ shape: [shape.length, STEP_FEATURES] });
  const elapsed = tf.input({ shape: [1] });
  const baseline = tf.input({ shape: [1] });
  const state = lstm(tf, shape, 0).apply(history) as SymbolicTensor;
  const joined = tf.layers.concatenate().apply([state, elapsed, baseline]);
  const hidden = tf.layers
    .dense({ units: shape.units, activation: 'tanh', ...seeded(tf, shape.seed, 1) })
    .apply(joined);
  const correction = tf.layers.dense({ units: 1, ...seeded(tf, shape.seed, 2) }).apply(hidden);
  return tf.model({
    inputs: [history, elapsed, baseline],
    outputs: plusBaseline(tf, correction as SymbolicTensor, baseline),
  });
}

/** The amount convolution's width: each step sees its amount and the two before it. */
export const AMOUNT_KERNEL = 3;

/**
 * Next amount: a causal Conv1D (local patterns of consecutive amounts) feeding an LSTM. The
 * convolution is written as a dense layer over each step's receptive field (`unfoldSteps`, the
 * im2col form of a convolution, the same arithmetic): the WASM backend has no Conv2D gradient
 * kernel, so tf.layers.conv1d can predict there but not train, and tfjs-layers has no causal
 * padding either.
 */
export function amountModel(tf: Tf, shape: ModelShape): LayersModel {
  const history = tf.input({ shape: [shape.length, AMOUNT_KERNEL * STEP_FEATURES] });
  const baseline = tf.input({ shape: [1] });
  const convolved = tf.layers
    .dense({ units: shape.units, activation: 'relu', ...seeded(tf, shape.seed, 3) })
    .apply(history);
  const state = lstm(tf, shape, 4).apply(convolved);
  const correction = tf.layers.dense({ units: 1, ...seeded(tf, shape.seed, 5) }).apply(state);
  return tf.model({
    inputs: [history, baseline],
    outputs: plusBaseline(tf, correction as SymbolicTensor, baseline),
  });
}

/**
 * Rows of `length` steps × STEP_FEATURES → rows of `length` steps × AMOUNT_KERNEL × STEP_FEATURES,
 * step t holding steps t − 2, t − 1, t (zeros before the window: causal padding).
 */
export function unfoldSteps(rows: Float32Array, count: number, length: number): Float32Array {
  const width = AMOUNT_KERNEL * STEP_FEATURES;
  const out = new Float32Array(count * length * width);
  for (let r = 0; r < count; r++) {
    for (let t = 0; t < length; t++) {
      for (let j = 0; j < AMOUNT_KERNEL; j++) {
        const source = t - (AMOUNT_KERNEL - 1) + j;
        if (source < 0) continue;
        const from = (r * length + source) * STEP_FEATURES;
        out.set(
          rows.subarray(from, from + STEP_FEATURES),
          (r * length + t) * width + j * STEP_FEATURES,
        );
      }
    }
  }
  return out;
}

/**
 * Squared error for observed gaps; for censored ones (the open interval at endDay, a lower bound
 * on the gap) only a prediction below the bound is penalised. Without the censored rows the model
 * would only ever see customers who came back, and would predict a quick return for everyone.
 * `target` is (scaled gap, censored) pairs, `predicted` one column.
 */
export function censoredSquaredError(tf: Tf, target: Tensor, predicted: Tensor): Tensor {
  const value = target.slice([0, 0], [-1, 1]);
  const censored = target.slice([0, 1], [-1, 1]);
  const difference = value.sub(predicted);
  const observed = difference.square().mul(tf.scalar(1).sub(censored));
  const short = tf.relu(difference).square().mul(censored);
  return observed.add(short).mean();
}

export function squaredError(tf: Tf, target: Tensor, predicted: Tensor): Tensor {
  return tf.squaredDifference(target, predicted).mean();
}
