import { logGamma, binomialLogPmf } from './cdf';
import { digamma, trigamma } from './special';

export const DISTRIBUTIONS = ['normal', 'poisson', 'binomial', 'gamma', 'beta'] as const;
export type Distribution = (typeof DISTRIBUTIONS)[number];

export interface DistributionFit {
  distribution: Distribution;
  parameters: Record<string, number>;
  logLikelihood: number;
  /** Akaike information criterion, 2k − 2 ln L. */
  aic: number;
}

interface Moments {
  n: number;
  mean: number;
  /** Maximum-likelihood (biased) variance. */
  variance: number;
  min: number;
  max: number;
  allIntegers: boolean;
}

function moments(values: ArrayLike<number>): Moments {
  const n = values.length;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let allIntegers = true;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
    if (allIntegers && !Number.isInteger(x)) allIntegers = false;
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i]! - mean) ** 2;
  return { n, mean, variance: squares / n, min, max, allIntegers };
}

function fit(
  distribution: Distribution,
  parameters: Record<string, number>,
  logLikelihood: number,
): DistributionFit {
  const k = Object.keys(parameters).length;
  return { distribution, parameters, logLikelihood, aic: 2 * k - 2 * logLikelihood };
}

function fitNormal(m: Moments): DistributionFit | null {
  if (!(m.variance > 0)) return null;
  const logLikelihood = (-m.n / 2) * (Math.log(2 * Math.PI * m.variance) + 1);
  return fit('normal', { mean: m.mean, sd: Math.sqrt(m.variance) }, logLikelihood);
}

function fitPoisson(values: ArrayLike<number>, m: Moments): DistributionFit | null {
  if (!m.allIntegers || m.min < 0 || !(m.mean > 0)) return null;
  const logLambda = Math.log(m.mean);
  let logLikelihood = -m.n * m.mean;
  for (let i = 0; i < m.n; i++) {
    const x = values[i]!;
    logLikelihood += x * logLambda - logGamma(x + 1);
  }
  return fit('poisson', { lambda: m.mean }, logLikelihood);
}

/** Trials fixed at the largest value seen (its MLE); counted as a parameter all the same. */
function fitBinomial(values: ArrayLike<number>, m: Moments): DistributionFit | null {
  if (!m.allIntegers || m.min < 0 || !(m.max > 0)) return null;
  const trials = m.max;
  const p = m.mean / trials;
  if (p >= 1) return null;
  let logLikelihood = 0;
  for (let i = 0; i < m.n; i++) logLikelihood += binomialLogPmf(values[i]!, trials, p);
  return fit('binomial', { trials, p }, logLikelihood);
}

function sumOfLogs(values: ArrayLike<number>, transform: (x: number) => number): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.log(transform(values[i]!));
  return sum;
}

/** Gamma MLE: Minka's (2002) closed-form start, then Newton steps on the shape. */
function fitGamma(values: ArrayLike<number>, m: Moments): DistributionFit | null {
  if (!(m.min > 0) || !(m.variance > 0)) return null;
  const meanLog = sumOfLogs(values, (x) => x) / m.n;
  const s = Math.log(m.mean) - meanLog;
  let shape = (3 - s + Math.sqrt((s - 3) ** 2 + 24 * s)) / (12 * s);
  for (let step = 0; step < 20; step++) {
    const next = shape - (Math.log(shape) - digamma(shape) - s) / (1 / shape - trigamma(shape));
    if (!(next > 0)) break;
    const done = Math.abs(next - shape) < 1e-10 * shape;
    shape = next;
    if (done) break;
  }
  const scale = m.mean / shape;
  const logLikelihood =
    (shape - 1) * meanLog * m.n -
    (m.n * m.mean) / scale -
    m.n * (shape * Math.log(scale) + logGamma(shape));
  return fit('gamma', { shape, scale }, logLikelihood);
}

/** Beta MLE: method-of-moments start, then Newton steps on (α, β). */
function fitBeta(values: ArrayLike<number>, m: Moments): DistributionFit | null {
  if (!(m.min > 0) || !(m.max < 1) || !(m.variance > 0)) return null;
  const common = (m.mean * (1 - m.mean)) / m.variance - 1;
  if (!(common > 0)) return null;
  let a = m.mean * common;
  let b = (1 - m.mean) * common;
  const meanLogX = sumOfLogs(values, (x) => x) / m.n;
  const meanLog1X = sumOfLogs(values, (x) => 1 - x) / m.n;
  for (let step = 0; step < 50; step++) {
    const both = digamma(a + b);
    const g1 = both - digamma(a) + meanLogX;
    const g2 = both - digamma(b) + meanLog1X;
    const cross = trigamma(a + b);
    const h11 = cross - trigamma(a);
    const h22 = cross - trigamma(b);
    const det = h11 * h22 - cross * cross;
    const da = (h22 * g1 - cross * g2) / det;
    const db = (h11 * g2 - cross * g1) / det;
    if (!(a - da > 0) || !(b - db > 0)) break;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-10 * a && Math.abs(db) < 1e-10 * b) break;
  }
  const logBeta = logGamma(a) + logGamma(b) - logGamma(a + b);
  const logLikelihood = m.n * ((a - 1) * meanLogX + (b - 1) * meanLog1X - logBeta);
  return fit('beta', { alpha: a, beta: b }, logLikelihood);
}

/**
 * ANALYSES.md "Distribution check": every family whose support holds the values (Poisson and
 * binomial: non-negative integers; gamma: positive; beta: inside (0, 1); normal: any), fitted by
 * maximum likelihood, sorted by AIC (best first). Empty when no family applies (n < 2, constant).
 */
export function fitDistributions(values: ArrayLike<number>): DistributionFit[] {
  if (values.length < 2) return [];
  const m = moments(values);
  const fits = [
    fitNormal(m),
    fitPoisson(values, m),
    fitBinomial(values, m),
    fitGamma(values, m),
    fitBeta(values, m),
  ].filter((f): f is DistributionFit => f !== null && Number.isFinite(f.aic));
  return fits.sort((x, y) => x.aic - y.aic);
}

/** The family with the lowest AIC, or null when none applies. */
export function chooseDistribution(values: ArrayLike<number>): Distribution | null {
  return fitDistributions(values)[0]?.distribution ?? null;
}
