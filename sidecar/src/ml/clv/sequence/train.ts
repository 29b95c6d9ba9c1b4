import { Random } from '../../../demo/random';
import type { TfRuntime } from '../../tf/runtime';
import {
  allIntervals,
  amountExamples,
  gapExamples,
  STEP_FEATURES,
  windowMeans,
  type AmountExamples,
  type GapExamples,
} from './examples';
import type { PurchaseHistories } from './histories';
import {
  AMOUNT_KERNEL,
  amountModel,
  unfoldSteps,
  censoredNormalLoss,
  gapModel,
  squaredError,
  type LayersModel,
} from './models';
import { fitLogScale, type LogScale } from './scaling';
import type { SequenceOptions } from './options';

type Tf = TfRuntime['tf'];
type Tensor = ReturnType<Tf['tensor']>;
type Scalar = ReturnType<Tf['scalar']>;
type Variable = ReturnType<Tf['variable']>;
type Loss = (tf: Tf, target: Tensor, predicted: Tensor) => Tensor;

export interface TrainedModel {
  model: LayersModel;
  scale: LogScale;
  /**
   * Duan's smearing factor (scaling.ts) from the last epoch's examples; 1 for the gap model,
   * whose mean comes from its own log-normal (lognormal.ts).
   */
  smearing: number;
  /** Training loss (scaled log space) at each epoch's end. */
  losses: number[];
  examplesPerEpoch: number;
}

export interface TrainedModels {
  /** σ: the learned spread of the scaled log1p gap around the model's μ (models.ts). */
  gap: TrainedModel & { sigma: number };
  /** Null when no customer has two purchase days: there is no next amount to learn from. */
  amount: TrainedModel | null;
}

/**
 * Both models fitted on fresh seeded examples each epoch (at most maxCustomersPerEpoch customers,
 * each a window of at most maxSequenceLength steps), so memory stays bounded whatever the shop's
 * size and every epoch sees other customers and cut points. fit's own shuffle is off: the order
 * comes from the seeded sampler, so training is reproducible.
 */
export async function trainModels(
  tf: Tf,
  histories: PurchaseHistories,
  open: Int32Array,
  options: SequenceOptions,
  onProgress?: (message: string) => void,
): Promise<TrainedModels> {
  const shape = {
    length: options.maxSequenceLength,
    units: options.units,
    seed: options.seed,
  };
  const gapScale = fitLogScale(allIntervals(histories, open));
  const amountScale = fitLogScale(histories.amount);
  const limit = options.maxCustomersPerEpoch;
  const logSigma = tf.variable(tf.scalar(0));
  const gap = await fitEpochs(tf, options, onProgress, {
    name: 'gap',
    model: gapModel(tf, shape),
    loss: censoredNormalLoss(tf, logSigma),
    extraVariables: [logSigma],
    smear: false,
    scale: gapScale,
    epochTensors: (epoch) => {
      const random = Random.stream(options.seed, 'clv-sequence-gaps', epoch);
      return gapTensors(tf, gapExamples(histories, open, gapScale, shape.length, limit, random));
    },
  });
  const sigma = Math.exp(logSigma.dataSync()[0]!);
  logSigma.dispose();
  const hasRepeat = histories.day.length > histories.offsets.length - 1;
  const amount = hasRepeat
    ? await fitEpochs(tf, options, onProgress, {
        name: 'amount',
        model: amountModel(tf, shape),
        loss: squaredError,
        extraVariables: [],
        smear: true,
        scale: amountScale,
        epochTensors: (epoch) => {
          const random = Random.stream(options.seed, 'clv-sequence-amounts', epoch);
          const examples = amountExamples(histories, amountScale, shape.length, limit, random);
          return amountTensors(tf, examples);
        },
      })
    : null;
  return { gap: { ...gap, sigma }, amount };
}

interface EpochTensors {
  inputs: ReturnType<Tf['tensor']>[];
  target: ReturnType<Tf['tensor']>;
  count: number;
}

function gapTensors(tf: Tf, examples: GapExamples): EpochTensors {
  const length = examples.sequence.length / Math.max(examples.count, 1) / STEP_FEATURES;
  return {
    inputs: [
      tf.tensor3d(examples.sequence, [examples.count, length, STEP_FEATURES]),
      tf.tensor2d(examples.elapsed, [examples.count, 1]),
      tf.tensor2d(windowMeans(examples.sequence, examples.count, length), [examples.count, 1]),
    ],
    target: tf.tensor2d(examples.target, [examples.count, 2]),
    count: examples.count,
  };
}

function amountTensors(tf: Tf, examples: AmountExamples): EpochTensors {
  const length = examples.sequence.length / Math.max(examples.count, 1) / STEP_FEATURES;
  return {
    inputs: [
      tf.tensor3d(unfoldSteps(examples.sequence, examples.count, length), [
        examples.count,
        length,
        AMOUNT_KERNEL * STEP_FEATURES,
      ]),
      tf.tensor2d(windowMeans(examples.sequence, examples.count, length), [examples.count, 1]),
    ],
    target: tf.tensor2d(examples.target, [examples.count, 1]),
    count: examples.count,
  };
}

interface Fitting {
  name: string;
  model: LayersModel;
  loss: Loss;
  /** Trained with the model's weights (the gap model's σ). */
  extraVariables: Variable[];
  smear: boolean;
  scale: LogScale;
  epochTensors: (epoch: number) => EpochTensors;
}

async function fitEpochs(
  tf: Tf,
  options: SequenceOptions,
  onProgress: ((message: string) => void) | undefined,
  { name, model, loss, extraVariables, smear, scale, epochTensors }: Fitting,
): Promise<TrainedModel> {
  const optimizer = tf.train.adam(options.learningRate);
  const variables = [
    ...model.trainableWeights.map((weight) => weight.read() as Variable),
    ...extraVariables,
  ];
  const losses: number[] = [];
  let smearing = 1;
  let examplesPerEpoch = 0;
  try {
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      const tensors = epochTensors(epoch);
      examplesPerEpoch = tensors.count;
      try {
        if (tensors.count === 0) continue;
        losses.push(fitEpoch(tf, model, loss, optimizer, variables, tensors, options.batchSize));
        onProgress?.(
          `CLV sequence ${name} model: epoch ${epoch + 1}/${options.epochs}, loss ${losses.at(-1)!.toFixed(4)} on ${tensors.count} customers`,
        );
        if (smear && epoch === options.epochs - 1) {
          smearing = smearingFactor(tf, model, tensors, scale, options);
        }
        await tf.nextFrame();
      } finally {
        tf.dispose([...tensors.inputs, tensors.target]);
      }
    }
  } finally {
    optimizer.dispose();
  }
  return { model, scale, smearing, losses, examplesPerEpoch };
}

/**
 * One pass over the epoch's examples in their (seeded) order. A hand-written loop rather than
 * model.fit: fit insists the target has the output's shape, and the gap loss needs the censoring
 * flag beside each target. Returns the mean loss.
 */
function fitEpoch(
  tf: Tf,
  model: LayersModel,
  loss: Loss,
  optimizer: ReturnType<Tf['train']['adam']>,
  variables: Variable[],
  tensors: EpochTensors,
  batchSize: number,
): number {
  let total = 0;
  for (let from = 0; from < tensors.count; from += batchSize) {
    const size = Math.min(batchSize, tensors.count - from);
    const cost = optimizer.minimize(
      () => {
        const inputs = tensors.inputs.map((input) => input.slice(from, size));
        const output = model.apply(inputs, { training: true }) as Tensor;
        return loss(tf, tensors.target.slice(from, size), output) as Scalar;
      },
      true,
      variables,
    )!;
    total += cost.dataSync()[0]! * size;
    cost.dispose();
  }
  return total / tensors.count;
}

/** mean(exp(observed − predicted)) in log1p units over the observed (uncensored) examples. */
function smearingFactor(
  tf: Tf,
  model: LayersModel,
  tensors: EpochTensors,
  scale: LogScale,
  options: SequenceOptions,
): number {
  const predicted = tf.tidy(() => {
    const output = model.predict(tensors.inputs, { batchSize: options.predictBatchSize });
    return (Array.isArray(output) ? output[0]! : output).dataSync();
  });
  const target = tensors.target.dataSync();
  const columns = target.length / tensors.count;
  let sum = 0;
  let observed = 0;
  for (let i = 0; i < tensors.count; i++) {
    if (columns === 2 && target[2 * i + 1] === 1) continue;
    sum += Math.exp((target[columns * i]! - predicted[i]!) * scale.std);
    observed++;
  }
  return observed > 0 ? sum / observed : 1;
}
