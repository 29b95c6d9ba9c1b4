import { tfRuntime } from '../tf/runtime';
import { BgNbdPredictor } from './bgnbd_predictor';
import type { ClvPredictor } from './predictor';
import { DEFAULT_SEQUENCE_OPTIONS, sequencePredictor, type SequencePredictor } from './sequence';

/**
 * The models every refresh backtests against naive, fresh (each keeps its own last fit):
 * BG/NBD + Gamma-Gamma, and the LSTM sequence models unless `sequence` is false.
 */
export function clvPredictors(
  options: { sequence?: boolean; onProgress?: (message: string) => void } = {},
): ClvPredictor[] {
  const predictors: ClvPredictor[] = [new BgNbdPredictor()];
  if (options.sequence !== false) {
    predictors.push(sequencePredictor(DEFAULT_SEQUENCE_OPTIONS, options.onProgress));
  }
  return predictors;
}

/** What the sequence predictor's last fit did (losses, seconds, fallbacks), or null. */
export function sequenceTraining(predictors: readonly ClvPredictor[]): object | null {
  const sequence = predictors.find((p): p is SequencePredictor => p.method === 'sequence');
  return sequence?.lastTraining ? { ...sequence.lastTraining } : null;
}

/** What `clv/backtest` records about how the models ran: methods, tfjs backend, options. */
export async function predictorParams(
  predictors: readonly ClvPredictor[],
): Promise<Record<string, unknown>> {
  const withSequence = predictors.some((p) => p.method === 'sequence');
  return {
    methods: predictors.map((p) => p.method),
    backend: withSequence ? (await tfRuntime()).note : null,
    training_options: withSequence ? DEFAULT_SEQUENCE_OPTIONS : null,
  };
}
