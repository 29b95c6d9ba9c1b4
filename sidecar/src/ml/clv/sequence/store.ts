import type { OrderSequences } from '../../../analyses/order_sequences';
import { tfRuntime, type TfBackendName } from '../../tf/runtime';
import { summarize, type CustomerSummary } from '../summary';
import { openIntervals } from './examples';
import { purchaseHistories } from './histories';
import { checkSequenceOptions, type SequenceOptions } from './options';
import { trainModels, type TrainedModels } from './train';

/** Both sequence models fitted on the purchase days before `endDay`. */
export interface SequenceFit {
  endDay: number;
  backend: TfBackendName;
  /** Customers with a purchase before endDay in the orders the models were fitted on. */
  customers: number;
  models: TrainedModels;
  trainSeconds: number;
}

/** Fits both models on `sequences`' purchase days before `endDay` (`summary` built with it). */
export async function fitSequenceModels(
  sequences: OrderSequences,
  summary: CustomerSummary,
  endDay: number,
  options: SequenceOptions,
  onProgress?: (message: string) => void,
): Promise<SequenceFit> {
  const { tf, backend } = await tfRuntime();
  const histories = purchaseHistories(sequences, summary, endDay);
  const open = openIntervals(histories, endDay);
  const started = performance.now();
  const models = await trainModels(tf, histories, open, options, onProgress);
  return {
    endDay,
    backend,
    customers: summary.sequence.length,
    models,
    trainSeconds: (performance.now() - started) / 1000,
  };
}

export function disposeSequenceFit(fit: SequenceFit): void {
  fit.models.gap.model.dispose();
  fit.models.amount?.model.dispose();
}

/**
 * The sequence models of one run, fitted once per cutoff on the run's `all` orders and applied to
 * every context: a context's orders are a subset of `all`'s, so the models fitted on `all` learned
 * from every purchase rhythm the context holds (and more), before the same cutoff, and fitting
 * them per context would cost a training per dimension value for models that see less data.
 * A cutoff is fitted on first use only: the forward models are never fitted when no context's
 * backtest chose the sequence method. Owns the tensors: `dispose` when the run ends.
 */
export class SequenceModelStore {
  private readonly fits = new Map<number, Promise<SequenceFit>>();

  constructor(
    private readonly trainingOrders: OrderSequences,
    readonly options: SequenceOptions,
    private readonly onProgress?: (message: string) => void,
  ) {
    checkSequenceOptions(options);
  }

  /** The models fitted on the training orders before `endDay`, fitted now if not yet. */
  modelsFor(endDay: number): Promise<SequenceFit> {
    let fit = this.fits.get(endDay);
    if (!fit) {
      const summary = summarize(this.trainingOrders, endDay);
      if (summary.sequence.length === 0) {
        return Promise.reject(
          new Error(`CLV sequence models: no customer of all bought before day ${endDay}`),
        );
      }
      fit = fitSequenceModels(this.trainingOrders, summary, endDay, this.options, this.onProgress);
      this.fits.set(endDay, fit);
    }
    return fit;
  }

  /** Cutoffs fitted so far (for the log and the bench). */
  fittedDays(): number[] {
    return [...this.fits.keys()];
  }

  async dispose(): Promise<void> {
    const fits = [...this.fits.values()];
    this.fits.clear();
    for (const fit of await Promise.allSettled(fits)) {
      if (fit.status === 'fulfilled') disposeSequenceFit(fit.value);
    }
  }
}
