import { BgNbdPredictor } from './bgnbd_predictor';
import type { ClvPredictor } from './predictor';

/** The models every refresh backtests against naive, fresh (each keeps its own last fit). */
export function clvPredictors(): ClvPredictor[] {
  return [new BgNbdPredictor()];
}

/** What `clv/backtest` records about how the models ran. */
export function predictorParams(
  predictors: readonly ClvPredictor[],
): Promise<Record<string, unknown>> {
  return Promise.resolve({ methods: predictors.map((p) => p.method), backend: null });
}
