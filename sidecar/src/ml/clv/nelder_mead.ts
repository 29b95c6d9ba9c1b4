/**
 * Nelder–Mead simplex minimiser (Nelder & Mead 1965, with the standard coefficients: reflection 1,
 * expansion 2, contraction ½, shrink ½, as in Lagarias et al. 1998). The CLV fitters minimise a
 * negative log-likelihood over log-parameters, so every point is admissible and no gradient is
 * needed. Deterministic: the same start gives the same answer.
 */
export interface NelderMeadOptions {
  /** Edge of the initial simplex along each axis (default 0.5: a factor e^0.5 on log-parameters). */
  step?: number;
  maxIterations?: number;
  /** Stop when the simplex's values and points both spread less than this. */
  tolerance?: number;
}

export interface Minimum {
  point: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

export function nelderMead(
  objective: (point: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): Minimum {
  const step = options.step ?? 0.5;
  const maxIterations = options.maxIterations ?? 2000 * start.length;
  const tolerance = options.tolerance ?? 1e-9;
  const n = start.length;
  // A non-finite value (a log-likelihood overflow) counts as worse than any finite one.
  const evaluate = (point: number[]): number => {
    const value = objective(point);
    return Number.isFinite(value) ? value : Infinity;
  };
  const simplex: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const vertex = start.slice();
    vertex[i]! += step;
    simplex.push(vertex);
  }
  const values = simplex.map(evaluate);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
    const sorted = order.map((i) => simplex[i]!);
    const sortedValues = order.map((i) => values[i]!);
    simplex.splice(0, simplex.length, ...sorted);
    values.splice(0, values.length, ...sortedValues);
    if (spread(simplex, values) < tolerance) {
      return { point: simplex[0]!, value: values[0]!, iterations, converged: true };
    }
    const centroid = new Array<number>(n).fill(0);
    for (let v = 0; v < n; v++) for (let i = 0; i < n; i++) centroid[i]! += simplex[v]![i]! / n;
    const worst = simplex[n]!;
    const along = (t: number): number[] => centroid.map((c, i) => c + t * (c - worst[i]!));
    const reflected = along(1);
    const reflectedValue = evaluate(reflected);
    if (reflectedValue < values[0]!) {
      const expanded = along(2);
      const expandedValue = evaluate(expanded);
      const better = expandedValue < reflectedValue;
      simplex[n] = better ? expanded : reflected;
      values[n] = better ? expandedValue : reflectedValue;
    } else if (reflectedValue < values[n - 1]!) {
      simplex[n] = reflected;
      values[n] = reflectedValue;
    } else {
      const outside = reflectedValue < values[n]!;
      const contracted = along(outside ? 0.5 : -0.5);
      const contractedValue = evaluate(contracted);
      if (contractedValue < (outside ? reflectedValue : values[n]!)) {
        simplex[n] = contracted;
        values[n] = contractedValue;
      } else {
        for (let v = 1; v <= n; v++) {
          simplex[v] = simplex[v]!.map((x, i) => simplex[0]![i]! + 0.5 * (x - simplex[0]![i]!));
          values[v] = evaluate(simplex[v]!);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { point: simplex[best]!, value: values[best]!, iterations, converged: false };
}

function spread(simplex: number[][], values: number[]): number {
  let largest = Math.abs(values[values.length - 1]! - values[0]!);
  for (let v = 1; v < simplex.length; v++) {
    for (let i = 0; i < simplex[0]!.length; i++) {
      largest = Math.max(largest, Math.abs(simplex[v]![i]! - simplex[0]![i]!));
    }
  }
  return largest;
}
