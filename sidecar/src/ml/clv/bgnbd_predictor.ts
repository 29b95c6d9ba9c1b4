import type { OrderSequences } from '../../analyses/order_sequences';
import { fitBgNbd, type BgNbdFit } from './bgnbd';
import { forecastCustomers, type CustomerForecast } from './forecast';
import { fitGammaGamma, type GammaGammaFit } from './gamma_gamma';
import type { ClvPredictor, CustomerPrediction } from './predictor';
import type { CustomerSummary } from './summary';

/** One BG/NBD + Gamma-Gamma fit and the forecast it made. */
export interface BgNbdModel {
  bgNbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
  forecast: CustomerForecast;
}

export function fitBgNbdModel(summary: CustomerSummary, horizonDays: number): BgNbdModel {
  const bgNbd = fitBgNbd(summary);
  const gammaGamma = fitGammaGamma(summary);
  const forecast = forecastCustomers(summary, bgNbd.parameters, gammaGamma.parameters, horizonDays);
  return { bgNbd, gammaGamma, forecast };
}

/**
 * BG/NBD + Gamma-Gamma as one predictor. It keeps its last fit (`lastModel`) because the stage
 * stores the fitted parameters and takes P(alive) from BG/NBD whichever method wins.
 */
export class BgNbdPredictor implements ClvPredictor {
  readonly method = 'bg_nbd_gamma_gamma' as const;
  lastModel: BgNbdModel | null = null;

  predict(
    _sequences: OrderSequences,
    summary: CustomerSummary,
    _endDay: number,
    horizonDays: number,
  ): Promise<CustomerPrediction> {
    const model = fitBgNbdModel(summary, horizonDays);
    this.lastModel = model;
    const { predictedValue, expectedPurchases, dailyTotal } = model.forecast;
    return Promise.resolve({ predictedValue, expectedPurchases, dailyTotal });
  }
}
