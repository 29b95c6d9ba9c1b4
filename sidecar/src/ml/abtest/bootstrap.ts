import type { Random } from '../../demo/random';

export interface BootstrapSettings {
  /** Resamples of the percentile interval (ANALYSES.md: at least 2,000). */
  resamples: number;
  /** B of the original's view: the first B resamples are also tested. */
  viewResamples: number;
  alpha: number;
}

export interface BootstrapInterval {
  low: number;
  high: number;
}

export interface PairedBootstrap {
  /** 95 % (1 − alpha) percentile interval of mean(after) − mean(before). */
  difference: BootstrapInterval;
  /** The same for mean(after) / mean(before) − 1 (null when the mean before can be 0). */
  uplift: BootstrapInterval | null;
  /** Share of the first B resamples in which the test accepts H0 (p ≥ alpha). */
  h0AcceptedShare: number;
}

/** Linear-interpolation quantile of a sorted array (R's type 7). */
export function sortedQuantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}

export function percentileInterval(values: Float64Array, alpha: number): BootstrapInterval {
  const sorted = values.slice().sort();
  return { low: sortedQuantile(sorted, alpha / 2), high: sortedQuantile(sorted, 1 - alpha / 2) };
}

/**
 * Seeded paired bootstrap: each resample draws n customers with replacement and keeps their
 * before/after pairs together. The first `viewResamples` resamples are materialised as
 * multinomial weights (how often each customer was drawn) and handed to `testP`, which runs the
 * chosen test on that resample; the rest only sum, which is what keeps 2,000 resamples cheap.
 */
export function pairedBootstrap(
  before: Float64Array,
  after: Float64Array,
  random: Random,
  settings: BootstrapSettings,
  testP: (weights: Int32Array) => number,
): PairedBootstrap {
  const n = before.length;
  const differences = new Float64Array(settings.resamples);
  const ratios = new Float64Array(settings.resamples);
  const weights = new Int32Array(n);
  let accepted = 0;
  let ratioDefined = true;
  for (let r = 0; r < settings.resamples; r++) {
    let sumBefore = 0;
    let sumAfter = 0;
    if (r < settings.viewResamples) {
      weights.fill(0);
      for (let j = 0; j < n; j++) weights[random.int(n)]!++;
      for (let i = 0; i < n; i++) {
        const w = weights[i]!;
        if (w === 0) continue;
        sumBefore += w * before[i]!;
        sumAfter += w * after[i]!;
      }
      if (testP(weights) >= settings.alpha) accepted++;
    } else {
      for (let j = 0; j < n; j++) {
        const i = random.int(n);
        sumBefore += before[i]!;
        sumAfter += after[i]!;
      }
    }
    differences[r] = (sumAfter - sumBefore) / n;
    if (sumBefore > 0) ratios[r] = sumAfter / sumBefore - 1;
    else ratioDefined = false;
  }
  return {
    difference: percentileInterval(differences, settings.alpha),
    uplift: ratioDefined ? percentileInterval(ratios, settings.alpha) : null,
    h0AcceptedShare:
      settings.viewResamples > 0
        ? accepted / Math.min(settings.viewResamples, settings.resamples)
        : NaN,
  };
}

/** Per resample: the mean and unbiased variance of one group drawn with replacement. */
export interface GroupResamples {
  means: Float64Array;
  variances: Float64Array;
}

/**
 * Seeded resamples of one independent group. Two groups' k-th resamples are independent draws,
 * so mean_b[k] − mean_a[k] over k is the bootstrap distribution of their difference: every pair
 * of promotions reuses each promotion's resamples instead of drawing its own.
 */
export function groupResamples(
  values: Float64Array,
  random: Random,
  resamples: number,
): GroupResamples {
  const n = values.length;
  const means = new Float64Array(resamples);
  const variances = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    let squares = 0;
    for (let j = 0; j < n; j++) {
      const x = values[random.int(n)]!;
      sum += x;
      squares += x * x;
    }
    const mean = sum / n;
    means[r] = mean;
    variances[r] = n > 1 ? Math.max(0, (squares - n * mean * mean) / (n - 1)) : NaN;
  }
  return { means, variances };
}
