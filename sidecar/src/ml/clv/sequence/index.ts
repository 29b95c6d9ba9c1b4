import type { OrderSequences } from '../../../analyses/order_sequences';
import { tfRuntime, type TfBackendName } from '../../tf/runtime';
import type { ClvPredictor, CustomerPrediction } from '../predictor';
import type { CustomerSummary } from '../summary';
import { openIntervals } from './examples';
import { purchaseHistories } from './histories';
import { checkSequenceOptions, DEFAULT_SEQUENCE_OPTIONS, type SequenceOptions } from './options';
import { rollForward } from './roll';
import { trainModels } from './train';

export { DEFAULT_SEQUENCE_OPTIONS, type SequenceOptions } from './options';

/** What the last `predict` did, for the stage's log and report (the interface carries predictions only). */
export interface SequenceTraining {
  backend: TfBackendName;
  endDay: number;
  customers: number;
  gapExamplesPerEpoch: number;
  amountExamplesPerEpoch: number;
  gapLosses: number[];
  amountLosses: number[];
  /** The gap model's log-normal σ, in log1p-days units. */
  gapSigma: number;
  amountSmearing: number;
  /** Null, or why amounts are each customer's mean purchase-day amount instead of the model's. */
  amountFallback: string | null;
  rollSteps: number;
  /** Customers whose horizon was completed from their roll's fixed point (roll.ts). */
  extrapolated: number;
  trainSeconds: number;
  rollSeconds: number;
}

export interface SequencePredictor extends ClvPredictor {
  readonly lastTraining: SequenceTraining | null;
}

/**
 * The LSTM sequence models (ANALYSES.md "CLV"): a next-gap LSTM and a next-amount Conv1D + LSTM,
 * trained on the purchase days before endDay and rolled forward to endDay + horizonDays.
 */
export function sequencePredictor(
  options: SequenceOptions = DEFAULT_SEQUENCE_OPTIONS,
  onProgress?: (message: string) => void,
): SequencePredictor {
  checkSequenceOptions(options);
  let lastTraining: SequenceTraining | null = null;
  return {
    method: 'sequence',
    get lastTraining() {
      return lastTraining;
    },
    async predict(
      sequences: OrderSequences,
      summary: CustomerSummary,
      endDay: number,
      horizonDays: number,
    ): Promise<CustomerPrediction> {
      const { tf, backend } = await tfRuntime();
      const rows = summary.sequence.length;
      if (rows === 0) {
        return {
          predictedValue: new Float64Array(0),
          expectedPurchases: new Float64Array(0),
          dailyTotal: new Float64Array(horizonDays),
        };
      }
      const histories = purchaseHistories(sequences, summary, endDay);
      const open = openIntervals(histories, endDay);
      const trainStart = performance.now();
      const models = await trainModels(tf, histories, open, options, onProgress);
      const rollStart = performance.now();
      try {
        const rolled = rollForward(
          tf,
          models,
          histories,
          open,
          {
            endDay,
            horizonDays,
            length: options.maxSequenceLength,
            batchSize: options.predictBatchSize,
            stationaryTolerance: options.stationaryTolerance,
          },
          onProgress,
        );
        lastTraining = {
          backend,
          endDay,
          customers: rows,
          gapExamplesPerEpoch: models.gap.examplesPerEpoch,
          amountExamplesPerEpoch: models.amount?.examplesPerEpoch ?? 0,
          gapLosses: models.gap.losses,
          amountLosses: models.amount?.losses ?? [],
          gapSigma: models.gap.sigma * models.gap.scale.std,
          amountSmearing: models.amount?.smearing ?? 1,
          amountFallback:
            models.amount === null
              ? `no customer has two purchase days before day ${endDay}: each customer's mean purchase-day amount is their next amount`
              : null,
          rollSteps: rolled.steps,
          extrapolated: rolled.extrapolated,
          trainSeconds: (rollStart - trainStart) / 1000,
          rollSeconds: (performance.now() - rollStart) / 1000,
        };
        return {
          predictedValue: rolled.predictedValue,
          expectedPurchases: rolled.expectedPurchases,
          dailyTotal: rolled.dailyTotal,
        };
      } finally {
        models.gap.model.dispose();
        models.amount?.model.dispose();
      }
    },
  };
}
