import type { Scalar, Tensor } from '@tensorflow/tfjs';
import { tfRuntime } from '../tf/runtime';
import { median, medianAbsoluteDeviation } from './scoring';

export interface AutoencoderSettings {
  seed: number;
  /** Full-batch epochs at most. */
  maxEpochs: number;
  learningRate: number;
  /**
   * Training stops once the lowest loss so far fell by less than `plateauDrop` (a share) over
   * the last `plateauEpochs` epochs (the loss is read back only then).
   */
  plateauEpochs: number;
  plateauDrop: number;
}

/**
 * Each step costs ~3 ms on WASM whatever the few hundred rows (op overhead; the `cpu` backend is
 * slower, ~5 ms), so the epochs are the cost. Adam at 0.02 stopped at the plateau takes 130–170
 * epochs where 300 at 0.01 were used, with the same planted days on top and 1.2–2.1 % of the
 * other days flagged (300 at 0.01: 1.5–1.8 %) on three demo shops of 10,000 customers; at 0.03
 * the full-batch loss jumps between steps and where it stops decides 1–2 % more flagged days.
 */
export const DEFAULT_AUTOENCODER: AutoencoderSettings = {
  seed: 15,
  maxEpochs: 300,
  learningRate: 0.02,
  plateauEpochs: 10,
  plateauDrop: 0.01,
};

/** The reconstructions, and how the training ended. */
export interface Reconstructions {
  rows: Reconstruction[];
  epochs: number;
  loss: number;
}

/** Per row: the reconstruction error and the feature that contributed most to it. */
export interface Reconstruction {
  /**
   * The square root of the root mean square of the standardised residuals: RMS residuals have a
   * long right tail, so median + 3.5 × MAD of them cut ~5 % of ordinary days on the demo shop;
   * their square root is near-symmetric, and the same cut leaves 1–2 %.
   */
  error: number;
  /** Index of the feature with the largest standardised residual. */
  feature: number;
  actual: number;
  /** The reconstruction of that feature, in its own units. */
  typical: number;
}

/** MAD × 1.4826 estimates σ for normal data; the scale falls back to σ, then 1 (a constant). */
function robustScale(column: readonly number[]): { center: number; scale: number } {
  const center = median(column);
  const mad = medianAbsoluteDeviation(column, center) * 1.4826;
  if (mad > 1e-9) return { center, scale: mad };
  const mean = column.reduce((a, b) => a + b, 0) / column.length;
  const sd = Math.sqrt(column.reduce((a, b) => a + (b - mean) ** 2, 0) / column.length);
  return { center, scale: sd > 1e-9 ? sd : 1 };
}

/**
 * A small dense autoencoder learns the usual shape of the rows and reconstructs every row.
 * Inputs are standardised with the median and MAD, so one extreme day does not set the scale;
 * tanh layers cannot reach far outside the range they were trained on, and the Huber loss lets
 * the few unusual rows weigh less than squared error would, so the model learns the normal days.
 * Full-batch training (no shuffling to seed), seeded initialisers: the same rows give the same
 * reconstructions.
 */
export async function reconstruct(
  rows: readonly (readonly number[])[],
  settings: AutoencoderSettings = DEFAULT_AUTOENCODER,
): Promise<Reconstructions> {
  const { tf } = await tfRuntime();
  const features = rows[0]?.length ?? 0;
  if (rows.length === 0 || features === 0) return { rows: [], epochs: 0, loss: 0 };
  const scales = Array.from({ length: features }, (_, j) => robustScale(rows.map((r) => r[j]!)));
  const standard = rows.map((r) => r.map((v, j) => (v - scales[j]!.center) / scales[j]!.scale));
  const hidden = Math.max(2, Math.ceil(features / 2));
  const code = features >= 4 ? 2 : 1;
  let seed = settings.seed;
  const dense = (units: number, activation: 'tanh' | 'linear', inputShape?: number[]) =>
    tf.layers.dense({
      units,
      activation,
      inputShape,
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed++ }),
      biasInitializer: 'zeros',
    });
  const model = tf.sequential({
    layers: [
      dense(hidden, 'tanh', [features]),
      dense(code, 'tanh'),
      dense(hidden, 'tanh'),
      dense(features, 'linear'),
    ],
  });
  const x = tf.tensor2d(standard);
  const optimizer = tf.train.adam(settings.learningRate);
  try {
    // A plain loop over optimizer.minimize: model.fit's per-epoch bookkeeping costs more than
    // a full-batch step on a few hundred rows.
    const step = (readLoss: boolean) =>
      tf.tidy(() => {
        const loss = optimizer.minimize(
          () => tf.losses.huberLoss(x, model.apply(x) as Tensor) as Scalar,
          readLoss,
        );
        return readLoss ? loss!.dataSync()[0]! : NaN;
      });
    const { epochs, loss } = trainToPlateau(step, settings);
    const output = tf.tidy(() => model.predict(x) as Tensor);
    const predicted = (await output.array()) as number[][];
    output.dispose();
    return {
      rows: standard.map((row, i) => residualOf(row, predicted[i]!, rows[i]!, scales)),
      epochs,
      loss,
    };
  } finally {
    optimizer.dispose();
    x.dispose();
    model.dispose();
  }
}

/** Runs `step` (one epoch; the loss when asked, else NaN) until the plateau or maxEpochs. */
function trainToPlateau(
  step: (readLoss: boolean) => number,
  settings: AutoencoderSettings,
): { epochs: number; loss: number } {
  let lowest = Infinity;
  let loss = NaN;
  for (let epoch = 1; epoch <= settings.maxEpochs; epoch++) {
    const check = epoch % settings.plateauEpochs === 0 || epoch === settings.maxEpochs;
    const value = step(check);
    if (!check) continue;
    loss = value;
    const previous = lowest;
    lowest = Math.min(lowest, value);
    if (lowest > previous * (1 - settings.plateauDrop)) return { epochs: epoch, loss };
  }
  return { epochs: settings.maxEpochs, loss };
}

function residualOf(
  standard: readonly number[],
  predicted: readonly number[],
  raw: readonly number[],
  scales: readonly { center: number; scale: number }[],
): Reconstruction {
  let squares = 0;
  let feature = 0;
  let largest = -1;
  standard.forEach((v, j) => {
    const residual = Math.abs(v - predicted[j]!);
    squares += residual * residual;
    if (residual > largest) {
      largest = residual;
      feature = j;
    }
  });
  const { center, scale } = scales[feature]!;
  return {
    error: Math.sqrt(Math.sqrt(squares / standard.length)),
    feature,
    actual: raw[feature]!,
    typical: predicted[feature]! * scale + center,
  };
}
