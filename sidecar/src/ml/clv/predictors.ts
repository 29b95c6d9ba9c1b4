import { tfRuntime } from '../tf/runtime';
import { BgNbdPredictor } from './bgnbd_predictor';
import type { ClvPredictor } from './predictor';
import {
  DEFAULT_SEQUENCE_OPTIONS,
  sequencePredictor,
  type SequenceModelStore,
  type SequencePredictor,
} from './sequence';

/**
 * The models every refresh backtests against naive, fresh (each keeps its own last fit):
 * BG/NBD + Gamma-Gamma, fitted per context (cheap), and the LSTM sequence models unless
 * `sequence` is false — the run's shared ones when `sequenceModels` is given (store.ts).
 */
export function clvPredictors(
  options: {
    sequence?: boolean;
    onProgress?: (message: string) => void;
    sequenceModels?: SequenceModelStore;
  } = {},
): ClvPredictor[] {
  const predictors: ClvPredictor[] = [new BgNbdPredictor()];
  if (options.sequence !== false) {
    predictors.push(
      sequencePredictor(
        options.sequenceModels?.options ?? DEFAULT_SEQUENCE_OPTIONS,
        options.onProgress,
        options.sequenceModels,
      ),
    );
  }
  return predictors;
}

function sequenceOf(predictors: readonly ClvPredictor[]): SequencePredictor | undefined {
  return predictors.find((p): p is SequencePredictor => p.method === 'sequence');
}

/** What the sequence predictor's last fit did (losses, seconds, fallbacks), or null. */
export function sequenceTraining(predictors: readonly ClvPredictor[]): object | null {
  const sequence = sequenceOf(predictors);
  return sequence?.lastTraining ? { ...sequence.lastTraining } : null;
}

/** What `clv/backtest` records about how the models ran: methods, tfjs backend, options. */
export async function predictorParams(
  predictors: readonly ClvPredictor[],
): Promise<Record<string, unknown>> {
  const sequence = sequenceOf(predictors);
  return {
    methods: predictors.map((p) => p.method),
    backend: sequence ? (await tfRuntime()).note : null,
    training_options: sequence?.options ?? null,
    sequence_models: !sequence
      ? null
      : sequence.sharedModels
        ? "fitted once per cutoff on all's orders and applied to this context's customers (a context's orders are a subset of all's: the same cutoff, more purchase rhythms to learn from, one fit instead of one per context); BG/NBD is fitted per context"
        : "fitted on this context's orders",
  };
}
