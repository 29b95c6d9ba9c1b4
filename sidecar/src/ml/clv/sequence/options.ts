export interface SequenceOptions {
  /** Seeds the initialisers and the epoch samplers: same data + options → same predictions. */
  seed: number;
  epochs: number;
  batchSize: number;
  /** Cap on the gaps / amounts per customer fed to the models, the most recent kept. */
  maxSequenceLength: number;
  /** Training customers sampled (seeded) per epoch when there are more. */
  maxCustomersPerEpoch: number;
  /** LSTM / Conv1D width. */
  units: number;
  learningRate: number;
  /** Customers per prediction batch in the roll-forward (bounds the tensors alive at once). */
  predictBatchSize: number;
  /**
   * Relative change of a customer's predicted gap and amount between roll-forward steps under
   * which the roll has reached its fixed point and the rest of the horizon repeats them (roll.ts).
   */
  stationaryTolerance: number;
}

/**
 * Sized for the bench goal (200 k customers / 1 M sessions, the whole CLV stage for `all` and
 * each dimension value in ≤ 3 min and < 2 GB on 2 cores): the models are fitted once per cutoff
 * on `all` (store.ts) and the roll-forward runs per context, so the roll's cost per customer
 * (units² × history steps) matters most. Measured on the bench's data (backtest per-customer MAE
 * ratio to naive, CPU-s of the stage): 16 units → 8 cost nothing in accuracy (0.344 both, at
 * history 8) and save a third of the CPU; 8 steps of history and 8 epochs of 8,192 customers
 * instead of 12 and 10 × 16,384 lost it (0.344 vs 0.315, for 103 vs 119 CPU-s), so those stay.
 */
export const DEFAULT_SEQUENCE_OPTIONS: SequenceOptions = {
  seed: 1,
  epochs: 10,
  batchSize: 512,
  maxSequenceLength: 12,
  maxCustomersPerEpoch: 16_384,
  units: 8,
  learningRate: 0.01,
  predictBatchSize: 8192,
  stationaryTolerance: 0.05,
};

export function checkSequenceOptions(options: SequenceOptions): void {
  const whole: Array<keyof SequenceOptions> = [
    'epochs',
    'batchSize',
    'maxSequenceLength',
    'maxCustomersPerEpoch',
    'units',
    'predictBatchSize',
  ];
  for (const key of whole) {
    if (!Number.isInteger(options[key]) || options[key] < 1) {
      throw new Error(
        `CLV sequence option ${key} must be a whole number ≥ 1 (got ${options[key]})`,
      );
    }
  }
  if (!Number.isInteger(options.seed)) {
    throw new Error(`CLV sequence option seed must be a whole number (got ${options.seed})`);
  }
  if (!(options.stationaryTolerance >= 0)) {
    throw new Error(
      `CLV sequence option stationaryTolerance must be ≥ 0 (got ${options.stationaryTolerance})`,
    );
  }
  if (!(options.learningRate > 0)) {
    throw new Error(`CLV sequence option learningRate must be > 0 (got ${options.learningRate})`);
  }
}
