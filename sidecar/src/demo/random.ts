/**
 * Seeded randomness for the demo generator. Never Math.random or the clock: the same seed must
 * give byte-identical files. The generator is xoshiro128** (Blackman & Vigna), 32-bit arithmetic
 * only so it is fast and exact in JavaScript; seeds are spread with splitmix32 so that nearby
 * seeds and stream keys give unrelated streams.
 */

/** splitmix32 step: a well-mixed 32-bit hash of `state`. */
export function mix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A 32-bit key for (seed, stream name, index): each customer and table gets its own stream. */
export function streamKey(seed: number, name: string, index = 0): number {
  let hash = mix32(seed >>> 0) ^ mix32(Math.floor(seed / 2 ** 32) >>> 0);
  for (let i = 0; i < name.length; i += 1) hash = mix32(hash ^ name.charCodeAt(i));
  return mix32(hash ^ mix32(index >>> 0));
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | null = null;

  constructor(key: number) {
    this.a = mix32(key);
    this.b = mix32(this.a ^ 0x6a09e667);
    this.c = mix32(this.b ^ 0xbb67ae85);
    this.d = mix32(this.c ^ 0x3c6ef372);
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1; // the all-zero state is a fixed point
  }

  static stream(seed: number, name: string, index = 0): Random {
    return new Random(streamKey(seed, name, index));
  }

  /** Next 32 random bits (xoshiro128**). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in (0, 1]: safe to take the logarithm of. */
  uniformPositive(): number {
    return (this.nextUint32() + 1) / 4294967296;
  }

  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  bernoulli(p: number): boolean {
    return this.uniform() < p;
  }

  exponential(rate: number): number {
    return -Math.log(this.uniformPositive()) / rate;
  }

  /** Standard normal (Box–Muller; the second value is kept for the next call). */
  normal(): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return spare;
    }
    const radius = Math.sqrt(-2 * Math.log(this.uniformPositive()));
    const angle = 2 * Math.PI * this.uniform();
    this.spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /** Gamma(shape, scale), mean shape × scale (Marsaglia & Tsang 2000; boosted for shape < 1). */
  gamma(shape: number, scale: number): number {
    if (shape < 1) {
      return this.gamma(shape + 1, scale) * Math.pow(this.uniformPositive(), 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniformPositive();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /** Beta(alpha, beta) from two gammas. */
  beta(alpha: number, beta: number): number {
    const x = this.gamma(alpha, 1);
    const y = this.gamma(beta, 1);
    return x / (x + y);
  }

  /** An index drawn with probability proportional to `cumulative[i] − cumulative[i − 1]`. */
  pickCumulative(cumulative: ArrayLike<number>): number {
    const total = cumulative[cumulative.length - 1] ?? 0;
    return upperBound(cumulative, this.uniform() * total);
  }

  /** Fisher–Yates shuffle of a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = this.int(i + 1);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The first index whose value is greater than `target` (binary search in a sorted array). */
export function upperBound(sorted: ArrayLike<number>, target: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? 0) > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Running sums of `weights`, for `pickCumulative`. */
export function cumulativeSums(weights: readonly number[]): Float64Array {
  const sums = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((weight, i) => {
    total += weight;
    sums[i] = total;
  });
  return sums;
}
