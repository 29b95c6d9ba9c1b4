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

/**
 * Resampling draws billions of indices at 200 k customers × 2,000 products, so the draw loop
 * runs its own xoshiro128** (the generator of demo/random.ts, seeded from it) on local state:
 * about 4× faster than a method call per draw, and still one seeded stream per comparison.
 */
class IndexStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(random: Random) {
    this.a = random.nextUint32() | 0;
    this.b = random.nextUint32() | 0;
    this.c = random.nextUint32() | 0;
    this.d = random.nextUint32() | 1;
  }

  /** Counts n uniform draws of [0, n) into `weights`. */
  drawWeights(weights: Int32Array): void {
    const n = weights.length;
    let { a, b, c, d } = this;
    for (let j = 0; j < n; j++) {
      const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      weights[((result * n) / 4294967296) | 0]!++;
    }
    Object.assign(this, { a, b, c, d });
  }

  /**
   * n uniform draws of i in [0, n); returns the sums of pairs[2i] and of pairs[2i + 1] over them
   * (before and after of a customer, or a value and its square).
   */
  sumPairs(pairs: Float64Array, n: number): [number, number] {
    let { a, b, c, d } = this;
    let first = 0;
    let second = 0;
    for (let j = 0; j < n; j++) {
      const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      const i = 2 * (((result * n) / 4294967296) | 0);
      first += pairs[i]!;
      second += pairs[i + 1]!;
    }
    Object.assign(this, { a, b, c, d });
    return [first, second];
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
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
  const stream = new IndexStream(random);
  // One draw per customer must move both sums: interleave before and after in one column.
  const pairs = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    pairs[2 * i] = before[i]!;
    pairs[2 * i + 1] = after[i]!;
  }
  let accepted = 0;
  let ratioDefined = true;
  for (let r = 0; r < settings.resamples; r++) {
    let sumBefore = 0;
    let sumAfter = 0;
    if (r < settings.viewResamples) {
      weights.fill(0);
      stream.drawWeights(weights);
      for (let i = 0; i < n; i++) {
        const w = weights[i]!;
        if (w === 0) continue;
        sumBefore += w * before[i]!;
        sumAfter += w * after[i]!;
      }
      if (testP(weights) >= settings.alpha) accepted++;
    } else {
      [sumBefore, sumAfter] = stream.sumPairs(pairs, n);
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
  const stream = new IndexStream(random);
  const withSquares = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    withSquares[2 * i] = values[i]!;
    withSquares[2 * i + 1] = values[i]! * values[i]!;
  }
  for (let r = 0; r < resamples; r++) {
    const [sum, squares] = stream.sumPairs(withSquares, n);
    const mean = sum / n;
    means[r] = mean;
    variances[r] = n > 1 ? Math.max(0, (squares - n * mean * mean) / (n - 1)) : NaN;
  }
  return { means, variances };
}
