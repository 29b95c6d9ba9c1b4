import type { Random } from '../../../../sidecar/src/demo/random';
import type { PairedValues } from '../../../../sidecar/src/ml/abtest/paired_outcome';

/** Knuth's product-of-uniforms Poisson draw (small λ). */
export function poissonDraw(random: Random, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let product = random.uniform();
  while (product > limit) {
    k++;
    product *= random.uniform();
  }
  return k;
}

/**
 * One promotion's customers under H0: each customer has their own order rate and spend level
 * (heterogeneous, as real customers), and the same ones before and after first use. Orders are
 * Poisson, order values gamma around the customer's level times `lift` after first use.
 */
export function promotionCustomers(
  random: Random,
  customers: number,
  lift = 0,
): { count: PairedValues; amount: PairedValues } {
  const countBefore: number[] = [];
  const countAfter: number[] = [];
  const amountBefore: number[] = [];
  const amountAfter: number[] = [];
  const meanOrder = (orders: number, level: number) => {
    let sum = 0;
    for (let k = 0; k < orders; k++) sum += random.gamma(3, level / 3);
    return sum / orders;
  };
  for (let i = 0; i < customers; i++) {
    const rate = random.gamma(2, 0.75);
    const level = random.gamma(4, 15);
    const before = poissonDraw(random, rate);
    const after = poissonDraw(random, rate);
    countBefore.push(before);
    countAfter.push(after);
    if (before > 0 && after > 0) {
      amountBefore.push(meanOrder(before, level));
      amountAfter.push(meanOrder(after, level * (1 + lift)));
    }
  }
  return {
    count: {
      metric: 'count',
      before: Float64Array.from(countBefore),
      after: Float64Array.from(countAfter),
    },
    amount: {
      metric: 'amount',
      before: Float64Array.from(amountBefore),
      after: Float64Array.from(amountAfter),
    },
  };
}
