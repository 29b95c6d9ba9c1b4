import { probabilityAlive, type BgNbdParameters } from './bgnbd';
import { hyp2f1 } from './hypergeometric';
import { conditionalExpectedSpend, type GammaGammaParameters } from './gamma_gamma';
import type { CustomerSummary } from './summary';

/** Per-customer forecast over `horizonDays` from the summary's end day. */
export interface CustomerForecast {
  expectedPurchases: Float64Array;
  probabilityAlive: Float64Array;
  expectedSpendPerPurchase: Float64Array;
  /** expectedPurchases × expectedSpendPerPurchase (independence of spend and frequency, FHL 2005b). */
  predictedValue: Float64Array;
  /** Sum over customers of the expected spend on each day of the horizon. */
  dailyTotal: Float64Array;
}

export function forecastCustomers(
  summary: CustomerSummary,
  bgNbd: BgNbdParameters,
  gammaGamma: GammaGammaParameters,
  horizonDays: number,
): CustomerForecast {
  if (!(gammaGamma.q > 1)) {
    throw new Error(
      `Gamma-Gamma fit has q = ${gammaGamma.q} ≤ 1: the mean spend p·v/(q−1) does not exist, so no spend forecast`,
    );
  }
  const n = summary.x.length;
  const expectedPurchases = new Float64Array(n);
  const alive = new Float64Array(n);
  const spend = new Float64Array(n);
  const predictedValue = new Float64Array(n);
  const dailyTotal = new Float64Array(horizonDays);
  // E[Y(t) | x, tX, T] = numerator(x, T, t) / denominator(x, tX, T): the ₂F₁ is in the numerator
  // only, so its curve over the horizon is computed once per (x, T), not once per customer.
  const curves = new Map<string, Float64Array>();
  for (let i = 0; i < n; i++) {
    const [x, tX, T] = [summary.x[i]!, summary.tX[i]!, summary.T[i]!];
    alive[i] = probabilityAlive(bgNbd, x, tX, T);
    spend[i] = conditionalExpectedSpend(gammaGamma, x, summary.meanAmount[i]!);
    const key = `${x}:${T}`;
    let curve = curves.get(key);
    if (!curve) {
      curve = numeratorCurve(bgNbd, x, T, horizonDays);
      curves.set(key, curve);
    }
    const denominator = bgNbdDenominator(bgNbd, x, tX, T);
    // Day k of the horizon gets E[Y(k+1)] − E[Y(k)]: the cumulative curve's daily increments.
    let before = 0;
    for (let day = 0; day < horizonDays; day++) {
      const cumulative = curve[day + 1]! / denominator;
      dailyTotal[day]! += spend[i]! * (cumulative - before);
      before = cumulative;
    }
    expectedPurchases[i] = before;
    predictedValue[i] = before * spend[i]!;
  }
  return {
    expectedPurchases,
    probabilityAlive: alive,
    expectedSpendPerPurchase: spend,
    predictedValue,
    dailyTotal,
  };
}

/** The numerator of BG/NBD's E[Y(t) | x, tX, T] (paper eq. 10) for t = 0 … horizonDays. */
export function numeratorCurve(
  { r, alpha, a, b }: BgNbdParameters,
  x: number,
  T: number,
  horizonDays: number,
): Float64Array {
  const curve = new Float64Array(horizonDays + 1);
  for (let t = 1; t <= horizonDays; t++) {
    const hyper = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
    curve[t] =
      ((a + b + x - 1) / (a - 1)) *
      (1 - Math.exp((r + x) * Math.log((alpha + T) / (alpha + T + t))) * hyper);
  }
  return curve;
}

/** Its denominator: 1 + a/(b+x−1) · ((α+T)/(α+tX))^(r+x) for x > 0, else 1. */
export function bgNbdDenominator(
  { r, alpha, a, b }: BgNbdParameters,
  x: number,
  tX: number,
  T: number,
): number {
  return x > 0
    ? 1 + (a / (b + x - 1)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tX)))
    : 1;
}

/** Newcomers (ANALYSES.md "CLV"): daily new buyers × mean first-order amount, over a window. */
export interface NewcomerRate {
  dailyNewBuyers: number;
  meanFirstAmount: number;
}

export function newcomerRate(
  summary: CustomerSummary,
  fromDay: number,
  toDay: number,
): NewcomerRate {
  let buyers = 0;
  let firstAmounts = 0;
  for (let i = 0; i < summary.firstDay.length; i++) {
    const day = summary.firstDay[i]!;
    if (day >= fromDay && day < toDay) {
      buyers++;
      firstAmounts += summary.firstAmount[i]!;
    }
  }
  return {
    dailyNewBuyers: buyers / (toDay - fromDay),
    meanFirstAmount: buyers > 0 ? firstAmounts / buyers : 0,
  };
}
