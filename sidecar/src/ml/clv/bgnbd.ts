import { logGamma } from '../abtest/cdf';
import { nelderMead } from './nelder_mead';
import { hyp2f1 } from './hypergeometric';
import type { RepeatSummary } from './summary';

/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"). While alive a
 * customer buys at Poisson rate λ ~ Gamma(r, α); after each repeat purchase they drop out with
 * probability p ~ Beta(a, b). x = repeat purchases, tX = time of the last one and T = age, all
 * measured from the first purchase in the summary's time unit.
 */
export interface BgNbdParameters {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgNbdFit {
  parameters: BgNbdParameters;
  logLikelihood: number;
  converged: boolean;
}

/** One customer's log-likelihood (paper eq. 6), the two terms added in log space. */
export function bgNbdCustomerLogLikelihood(
  { r, alpha, a, b }: BgNbdParameters,
  x: number,
  tX: number,
  T: number,
): number {
  const common =
    logGamma(r + x) -
    logGamma(r) +
    r * Math.log(alpha) +
    logGamma(a + b) +
    logGamma(b + x) -
    logGamma(b) -
    logGamma(a + b + x);
  const survived = -(r + x) * Math.log(alpha + T);
  if (x === 0) return common + survived;
  const droppedOut = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tX);
  const larger = Math.max(survived, droppedOut);
  return common + larger + Math.log(Math.exp(survived - larger) + Math.exp(droppedOut - larger));
}

export function bgNbdLogLikelihood(parameters: BgNbdParameters, data: RepeatSummary): number {
  return distinctLogLikelihood(parameters, distinctCustomers(data));
}

/** Customers with the same (x, tX, T) have the same likelihood: each triple once, weighted. */
interface DistinctCustomers extends RepeatSummary {
  count: Float64Array;
}

function distinctCustomers(data: RepeatSummary): DistinctCustomers {
  const index = new Map<string, number>();
  const x: number[] = [];
  const tX: number[] = [];
  const T: number[] = [];
  const count: number[] = [];
  for (let i = 0; i < data.x.length; i++) {
    const key = `${data.x[i]} ${data.tX[i]} ${data.T[i]}`;
    const at = index.get(key);
    if (at !== undefined) {
      count[at]!++;
      continue;
    }
    index.set(key, x.length);
    x.push(data.x[i]!);
    tX.push(data.tX[i]!);
    T.push(data.T[i]!);
    count.push(1);
  }
  return { x, tX, T, count: Float64Array.from(count) };
}

/**
 * bgNbdCustomerLogLikelihood summed with its parameter-only log-gammas computed once and its
 * x-only ones once per distinct x: a fit evaluates this thousands of times on every customer.
 */
function distinctLogLikelihood(
  { r, alpha, a, b }: BgNbdParameters,
  data: DistinctCustomers,
): number {
  const constant = -logGamma(r) + r * Math.log(alpha) + logGamma(a + b) - logGamma(b);
  const logA = Math.log(a);
  const ofX = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i]!;
    let gammas = ofX.get(x);
    if (gammas === undefined) {
      gammas = logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x);
      ofX.set(x, gammas);
    }
    const survived = -(r + x) * Math.log(alpha + data.T[i]!);
    let customer = constant + gammas;
    if (x === 0) {
      customer += survived;
    } else {
      const droppedOut = logA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + data.tX[i]!);
      const larger = Math.max(survived, droppedOut);
      customer += larger + Math.log(Math.exp(survived - larger) + Math.exp(droppedOut - larger));
    }
    total += data.count[i]! * customer;
  }
  return total;
}

/**
 * Maximum likelihood over log-parameters (so all four stay positive), from a few seeded starts;
 * the best converged optimum wins. Starts are fixed numbers, not random: the fit is deterministic.
 */
export function fitBgNbd(data: RepeatSummary): BgNbdFit {
  if (data.x.length === 0) throw new Error('BG/NBD: no customers to fit');
  let meanT = 0;
  for (let i = 0; i < data.T.length; i++) meanT += data.T[i]! / data.T.length;
  const starts = [
    [0, Math.log(Math.max(meanT, 1) / 10), 0, 0],
    [Math.log(0.3), Math.log(Math.max(meanT, 1)), Math.log(0.8), Math.log(2.5)],
  ];
  const distinct = distinctCustomers(data);
  let best: BgNbdFit | null = null;
  for (const start of starts) {
    const fromPoint = (p: readonly number[]): BgNbdParameters => ({
      r: Math.exp(p[0]!),
      alpha: Math.exp(p[1]!),
      a: Math.exp(p[2]!),
      b: Math.exp(p[3]!),
    });
    const minimum = nelderMead((p) => -distinctLogLikelihood(fromPoint(p), distinct), start, {
      tolerance: 1e-8,
    });
    // A restart from the optimum escapes a simplex that collapsed early (a known NM weakness).
    const polished = nelderMead(
      (p) => -distinctLogLikelihood(fromPoint(p), distinct),
      minimum.point,
      {
        tolerance: 1e-9,
        step: 0.1,
      },
    );
    const fit = {
      parameters: fromPoint(polished.point),
      logLikelihood: -polished.value,
      converged: polished.converged,
    };
    if (best === null || fit.logLikelihood > best.logLikelihood) best = fit;
  }
  return best!;
}

/** P(alive | x, tX, T) (paper eq. 13 as lifetimes writes it: 1 for x = 0). */
export function probabilityAlive(
  { r, alpha, a, b }: BgNbdParameters,
  x: number,
  tX: number,
  T: number,
): number {
  if (x === 0) return 1;
  const logRatio =
    Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tX));
  return 1 / (1 + Math.exp(logRatio));
}

/** E[Y(t) | x, tX, T]: expected purchases in the next t time units (paper eq. 10). */
export function conditionalExpectedPurchases(
  { r, alpha, a, b }: BgNbdParameters,
  t: number,
  x: number,
  tX: number,
  T: number,
): number {
  if (t <= 0) return 0;
  const z = t / (alpha + T + t);
  const hyper = hyp2f1(r + x, b + x, a + b + x - 1, z);
  const numerator =
    ((a + b + x - 1) / (a - 1)) *
    (1 - Math.exp((r + x) * Math.log((alpha + T) / (alpha + T + t))) * hyper);
  const denominator =
    x > 0 ? 1 + (a / (b + x - 1)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tX))) : 1;
  return numerator / denominator;
}
