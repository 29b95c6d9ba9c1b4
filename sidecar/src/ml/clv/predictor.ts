import type { ClvMethod } from '../../../../common/reports/clv';
import type { OrderSequences } from '../../analyses/order_sequences';
import type { CustomerSummary } from './summary';

/**
 * What a CLV model predicts for the customers known at `endDay` (the summary's rows, in its order)
 * over the `horizonDays` after it. Newcomers are not in it: the backtest and the forward prediction
 * add them the same way for every model (daily new buyers × mean first-order amount).
 */
export interface CustomerPrediction {
  /** Per summary row: predicted spend over the horizon. */
  predictedValue: Float64Array;
  /** Per summary row: expected purchase days over the horizon. */
  expectedPurchases: Float64Array;
  /** Per horizon day: the known customers' predicted spend on that day, summed. */
  dailyTotal: Float64Array;
}

/**
 * A model the backtest can score and the forward prediction can use. `predict` uses orders before
 * `endDay` only (the summary was built with the same `endDay`), so the backtest never sees its
 * horizon: BG/NBD fits the context's own, the sequence models of a run are fitted once per cutoff
 * on `all`'s (a superset of every context's, sequence/store.ts) and applied to the context's
 * customers. Seeded: the same orders and options give the same prediction.
 */
export interface ClvPredictor {
  method: Exclude<ClvMethod, 'naive'>;
  predict(
    sequences: OrderSequences,
    summary: CustomerSummary,
    endDay: number,
    horizonDays: number,
  ): Promise<CustomerPrediction>;
}
