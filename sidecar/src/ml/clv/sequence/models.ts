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
 * The gap model's loss: the negative log-likelihood of a Normal(μ = the model's output, σ²) on the
 * scaled log1p gap (a log-normal gap), with σ one learned scalar. An observed gap contributes its
 * density; a censored one — the open interval at endDay, a lower bound — its survival P(gap ≥ c)
 * (a Tobit model). The survival term keeps pushing μ up while nobody with that history and that
 * elapsed time came back, so customers who have lapsed get gaps beyond the horizon instead of a
 * purchase the day after the cutoff, which a squared error on the bound would give them.
 * `target` is (scaled gap, censored) pairs, `predicted` one column.
 */
export function censoredNormalLoss(tf: Tf, logSigma: Tensor) {
  return (_: Tf, target: Tensor, predicted: Tensor): Tensor => {
    const value = target.slice([0, 0], [-1, 1]);
    const censored = target.slice([0, 1], [-1, 1]);
    const z = value.sub(predicted).div(logSigma.exp());
    const observed = z.square().mul(0.5).add(logSigma);
    return observed
      .mul(tf.scalar(1).sub(censored))
      .add(negativeLogSurvival(tf, z).mul(censored))
      .mean();
  };
}

/**
 * −log P(Z > z): exactly through erf up to z = 3, where 1 − Φ is still 1e-3 in float32; beyond,
 * the Mills-ratio series φ(z)/z · (1 − 1/z² + 3/z⁴). Each branch gets its argument clamped to
 * its own side so the branch not taken has finite values and gradients.
 */
function negativeLogSurvival(tf: Tf, z: Tensor): Tensor {
  const low = tf.minimum(z, 3);
  const exact = tf
    .scalar(1)
    .sub(tf.erf(low.div(Math.SQRT2)))
    .mul(0.5)
    .log()
    .neg();
  const high = tf.maximum(z, 3);
  const inverseSquare = high.square().reciprocal();
  const series = tf.scalar(1).sub(inverseSquare).add(inverseSquare.square().mul(3));
  const tail = high
    .square()
    .mul(0.5)
    .add(high.log())
    .add(0.5 * Math.log(2 * Math.PI))
    .sub(series.log());
  // step() as the selector: it has a (zero) gradient, where a comparison has none in tfjs.
  const below = tf.step(tf.scalar(3).sub(z));
  return exact.mul(below).add(tail.mul(tf.scalar(1).sub(below)));
}

export function squaredError(tf: Tf, target: Tensor, predicted: Tensor): Tensor {
  return tf.squaredDifference(target, predicted).mean();
}
