/**
 * Both models work on standardised log1p values. Gaps (1 day … a year) and amounts (a few units …
 * thousands) are heavy-tailed: a squared error in raw units would be dominated by the few largest
 * values, while in log space a 2× error costs the same at any size. Standardising then puts the
 * inputs where the LSTM's sigmoid/tanh gates are not saturated and the seeded Glorot weights and
 * the learning rate have the scale they were chosen for.
 */
export interface LogScale {
  mean: number;
  std: number;
}

export function fitLogScale(values: ArrayLike<number>): LogScale {
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.log1p(values[i]!);
    sum += v;
    sumSquares += v * v;
  }
  const n = Math.max(values.length, 1);
  const mean = sum / n;
  const variance = sumSquares / n - mean * mean;
  // A constant column (every gap equal) has no spread: a unit std keeps it at 0 instead of NaN.
  return { mean, std: variance > 1e-12 ? Math.sqrt(variance) : 1 };
}

export function toScaled(scale: LogScale, value: number): number {
  return (Math.log1p(value) - scale.mean) / scale.std;
}

/**
 * Back from the scaled log space to a MEAN in raw units. exp(E[log(1 + y)]) − 1 is a geometric
 * mean, below the arithmetic mean a sum of spend or a count of purchases needs; `smearing` is
 * Duan's (1983) factor mean(exp(residual)) over training examples, which corrects it without
 * assuming the residuals are normal.
 */
export function fromScaled(scale: LogScale, scaled: number, smearing: number): number {
  return Math.exp(scaled * scale.std + scale.mean) * smearing - 1;
}
