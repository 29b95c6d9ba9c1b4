import type { OrderSequences } from '../../../analyses/order_sequences';
import { tfRuntime, type TfBackendName } from '../../tf/runtime';
import type { ClvPredictor, CustomerPrediction } from '../predictor';
import type { CustomerSummary } from '../summary';
import { openIntervals } from './examples';
import { purchaseHistories } from './histories';
import { checkSequenceOptions, DEFAULT_SEQUENCE_OPTIONS, type SequenceOptions } from './options';
import { rollForward } from './roll';
import { disposeSequenceFit, fitSequenceModels, type SequenceModelStore } from './store';

export { DEFAULT_SEQUENCE_OPTIONS, type SequenceOptions } from './options';
export { SequenceModelStore } from './store';

/** What the last `predict` did, for the stage's log and report (the interface carries predictions only). */
export interface SequenceTraining {
  backend: TfBackendName;
  endDay: number;
  /** Customers the prediction was made for. */
  customers: number;
  /** `all` when the run's shared models were applied, `context` when fitted on these orders. */
  trainedOn: 'all' | 'context';
  /** Customers (before endDay) in the orders the models were fitted on. */
  trainingCustomers: number;
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
  /** The fit's seconds (once per cutoff when shared: the same figure for every context). */
  trainSeconds: number;
  rollSeconds: number;
}

export interface SequencePredictor extends ClvPredictor {
  readonly lastTraining: SequenceTraining | null;
  /** True when it applies a run's shared models instead of fitting on each call's orders. */
  readonly sharedModels: boolean;
  /** The options its models were (or are) fitted with. */
  readonly options: SequenceOptions;
}

function emptyPrediction(horizonDays: number): CustomerPrediction {
  return {
    predictedValue: new Float64Array(0),
    expectedPurchases: new Float64Array(0),
    dailyTotal: new Float64Array(horizonDays),
  };
}

/**
 * The LSTM sequence models (ANALYSES.md "CLV"): a next-gap LSTM and a next-amount Conv1D + LSTM,
 * fitted on the purchase days before endDay and rolled forward to endDay + horizonDays. With a
 * `store` the models are the run's, fitted once per cutoff on `all` (store.ts); without, each
 * `predict` fits its own on the orders it is given.
 */
export function sequencePredictor(
  options: SequenceOptions = DEFAULT_SEQUENCE_OPTIONS,
  onProgress?: (message: string) => void,
  store?: SequenceModelStore,
): SequencePredictor {
  checkSequenceOptions(options);
  const fitOptions = store?.options ?? options;
  let lastTraining: SequenceTraining | null = null;
  return {
    method: 'sequence',
    sharedModels: store !== undefined,
    options: fitOptions,
    get lastTraining() {
      return lastTraining;
    },
    async predict(
      sequences: OrderSequences,
      summary: CustomerSummary,
      endDay: number,
      horizonDays: number,
    ): Promise<CustomerPrediction> {
      const { tf } = await tfRuntime();
      if (summary.sequence.length === 0) return emptyPrediction(horizonDays);
      const histories = purchaseHistories(sequences, summary, endDay);
      const open = openIntervals(histories, endDay);
      const fit = store
        ? await store.modelsFor(endDay)
        : await fitSequenceModels(sequences, summary, endDay, options, onProgress);
      const { models } = fit;
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
            length: fitOptions.maxSequenceLength,
            batchSize: fitOptions.predictBatchSize,
            stationaryTolerance: fitOptions.stationaryTolerance,
          },
          onProgress,
        );
        lastTraining = {
          backend: fit.backend,
          endDay,
          customers: summary.sequence.length,
          trainedOn: store ? 'all' : 'context',
          trainingCustomers: fit.customers,
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
          trainSeconds: fit.trainSeconds,
          rollSeconds: (performance.now() - rollStart) / 1000,
        };
        return {
          predictedValue: rolled.predictedValue,
          expectedPurchases: rolled.expectedPurchases,
          dailyTotal: rolled.dailyTotal,
        };
      } finally {
        if (!store) disposeSequenceFit(fit);
      }
    },
  };
}
