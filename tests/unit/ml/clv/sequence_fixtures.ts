import type { OrderSequences } from '../../../../sidecar/src/analyses/order_sequences';
import { Random } from '../../../../sidecar/src/demo/random';
import { DAY_MS } from '../../../../sidecar/src/ml/clv/summary';

/** A customer who buys `amount` every `gapDays` days from `firstDay` on, until `stopDay` if set. */
export interface RegularCustomer {
  firstDay: number;
  gapDays: number;
  amount: number;
  stopDay?: number;
}

/** Seeded regular customers: gaps of 5..40 days, amounts 10..200, first purchase in days 0..59. */
export function regularCustomers(n: number, seed: number): RegularCustomer[] {
  const random = Random.stream(seed, 'regular-customers');
  return Array.from({ length: n }, () => ({
    firstDay: random.int(60),
    gapDays: 5 + random.int(36),
    amount: Math.round(10 + 190 * random.uniform()),
  }));
}

/** Their orders up to `untilDay` (exclusive), at noon UTC, as the pass's columns. */
export function regularSequences(customers: RegularCustomer[], untilDay: number): OrderSequences {
  const offsets = [0];
  const timeMs: number[] = [];
  const amount: number[] = [];
  for (const c of customers) {
    for (let day = c.firstDay; day < Math.min(untilDay, c.stopDay ?? untilDay); day += c.gapDays) {
      timeMs.push(day * DAY_MS + DAY_MS / 2);
      amount.push(c.amount);
    }
    offsets.push(timeMs.length);
  }
  return {
    customer: Int32Array.from(customers, (_, i) => i),
    offsets: Int32Array.from(offsets),
    timeMs: Float64Array.from(timeMs),
    amount: Float64Array.from(amount),
  };
}
