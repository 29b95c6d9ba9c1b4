import { logGamma } from '../abtest/cdf';
import { nelderMead } from './nelder_mead';

/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005b, "RFM and CLV: using iso-value curves";
 * Fader & Hardie's note "The Gamma-Gamma model of monetary value"). Each order's amount is
 * Gamma(p, ν), ν ~ Gamma(q, γ) across customers (γ is written v here, as in lifetimes). Fitted on
 * customers with x ≥ 1 repeat orders and their mean repeat amount.
 */
export interface GammaGammaParameters {
  p: number;
  q: number;
  v: number;
}

export interface SpendSummary {
  x: ArrayLike<number>;
  meanAmount: ArrayLike<number>;
}

export interface GammaGammaFit {
  parameters: GammaGammaParameters;
  logLikelihood: number;
  converged: boolean;
}

/** One customer's log-density of their mean amount m̄ over x orders (the note's eq. 3). */
export function gammaGammaCustomerLogLikelihood(
  { p, q, v }: GammaGammaParameters,
  x: number,
  meanAmount: number,
): number {
  return (
    logGamma(p * x + q) -
    logGamma(p * x) -
    logGamma(q) +
    q * Math.log(v) +
    (p * x - 1) * Math.log(meanAmount) +
    p * x * Math.log(x) -
    (p * x + q) * Math.log(x * meanAmount + v)
  );
}

export function gammaGammaLogLikelihood(
  parameters: GammaGammaParameters,
  data: SpendSummary,
): number {
  let total = 0;
  for (let i = 0; i < data.x.length; i++) {
    total += gammaGammaCustomerLogLikelihood(parameters, data.x[i]!, data.meanAmount[i]!);
  }
  return total;
}

/** Maximum likelihood over log(p, q, v) from fixed starts; customers with x = 0 are skipped. */
export function fitGammaGamma(data: SpendSummary): GammaGammaFit {
  const x: number[] = [];
  const meanAmount: number[] = [];
  for (let i = 0; i < data.x.length; i++) {
    if (data.x[i]! > 0 && data.meanAmount[i]! > 0) {
      x.push(data.x[i]!);
      meanAmount.push(data.meanAmount[i]!);
    }
  }
  if (x.length === 0) throw new Error('Gamma-Gamma: no customer with a repeat order to fit');
  const repeaters = { x, meanAmount };
  const overallMean = meanAmount.reduce((s, m) => s + m, 0) / meanAmount.length;
  const fromPoint = (point: readonly number[]): GammaGammaParameters => ({
    p: Math.exp(point[0]!),
    q: Math.exp(point[1]!),
    v: Math.exp(point[2]!),
  });
  const objective = (point: readonly number[]): number =>
    -gammaGammaLogLikelihood(fromPoint(point), repeaters);
  let best: GammaGammaFit | null = null;
  // Starts with mean spend p·v/(q−1) equal to the observed mean, at two shapes.
  for (const [p, q] of [
    [1, 2],
    [5, 4],
  ] as const) {
    const start = [Math.log(p), Math.log(q), Math.log((overallMean * (q - 1)) / p)];
    const first = nelderMead(objective, start, { tolerance: 1e-8 });
    const polished = nelderMead(objective, first.point, { tolerance: 1e-9, step: 0.1 });
    const fit = {
      parameters: fromPoint(polished.point),
      logLikelihood: -polished.value,
      converged: polished.converged,
    };
    if (best === null || fit.logLikelihood > best.logLikelihood) best = fit;
  }
  return best!;
}

/**
 * E[M | x, m̄]: a weighted mean of the population mean p·v/(q−1) and the customer's own mean
 * (the note's eq. 5); the population mean alone for x = 0. Needs q > 1.
 */
export function conditionalExpectedSpend(
  { p, q, v }: GammaGammaParameters,
  x: number,
  meanAmount: number,
): number {
  const populationMean = (p * v) / (q - 1);
  if (x === 0) return populationMean;
  const ownWeight = (p * x) / (p * x + q - 1);
  return (1 - ownWeight) * populationMean + ownWeight * meanAmount;
}
