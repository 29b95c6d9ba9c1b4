import type { OrderItems } from './order_items';

/**
 * The per-customer order sequences of one run, as compact columns: the orders of sequence i are
 * rows offsets[i] .. offsets[i+1]-1, sorted by time. `customer[i]` is the customer's index in the
 * run's customer dictionary, so sequences of different dimensions refer to the same customers.
 */
export interface OrderSequences {
  customer: Int32Array;
  offsets: Int32Array;
  timeMs: Float64Array;
  amount: Float64Array;
}

/** The pass's columns: every order of every dimension, with the dimension index (-1 = none). */
export interface PassOrders extends OrderSequences {
  dimension: Int32Array;
  /** Promotion and products of each row, when the pass recorded them. */
  items?: OrderItems;
}

export function sequenceCount(sequences: OrderSequences): number {
  return sequences.customer.length;
}

export function orderCount(sequences: OrderSequences): number {
  return sequences.timeMs.length;
}

/** The orders of one dimension value: each customer keeps only their orders in it. */
export function selectDimension(orders: PassOrders, dimensionIndex: number): OrderSequences {
  let kept = 0;
  for (let row = 0; row < orders.dimension.length; row++) {
    if (orders.dimension[row] === dimensionIndex) kept++;
  }
  const timeMs = new Float64Array(kept);
  const amount = new Float64Array(kept);
  const customers: number[] = [];
  const offsets: number[] = [0];
  let out = 0;
  for (let i = 0; i < orders.customer.length; i++) {
    const start = out;
    for (let row = orders.offsets[i]!; row < orders.offsets[i + 1]!; row++) {
      if (orders.dimension[row] !== dimensionIndex) continue;
      timeMs[out] = orders.timeMs[row]!;
      amount[out] = orders.amount[row]!;
      out++;
    }
    if (out > start) {
      customers.push(orders.customer[i]!);
      offsets.push(out);
    }
  }
  return {
    customer: Int32Array.from(customers),
    offsets: Int32Array.from(offsets),
    timeMs,
    amount,
  };
}

/** Typed-array columns that grow by doubling, so a streamed pass never holds JS object rows. */
class GrowableFloat64 {
  private data = new Float64Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

class GrowableInt32 {
  private data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Builds PassOrders from orders arriving sorted by customer, then time. A new sequence starts
 * whenever the customer index changes; an out-of-order customer is an error, because every
 * analysis relies on one contiguous sequence per customer.
 */
export class PassOrdersBuilder {
  private readonly customer = new GrowableInt32();
  private readonly offsets = new GrowableInt32();
  private readonly timeMs = new GrowableFloat64();
  private readonly amount = new GrowableFloat64();
  private readonly dimension = new GrowableInt32();
  private current = -1;
  private readonly seen = new Set<number>();

  add(customerIndex: number, timeMs: number, amount: number, dimensionIndex: number): void {
    if (customerIndex !== this.current) {
      if (this.seen.has(customerIndex)) {
        throw new Error(
          `orders of customer #${customerIndex} arrived in two runs: the pass must be sorted by client`,
        );
      }
      this.seen.add(customerIndex);
      this.current = customerIndex;
      this.customer.push(customerIndex);
      this.offsets.push(this.timeMs.length);
    }
    this.timeMs.push(timeMs);
    this.amount.push(amount);
    this.dimension.push(dimensionIndex);
  }

  get orders(): number {
    return this.timeMs.length;
  }

  build(): PassOrders {
    const offsets = new Int32Array(this.offsets.length + 1);
    offsets.set(this.offsets.toArray());
    offsets[this.offsets.length] = this.timeMs.length;
    return {
      customer: this.customer.toArray(),
      offsets,
      timeMs: this.timeMs.toArray(),
      amount: this.amount.toArray(),
      dimension: this.dimension.toArray(),
    };
  }
}
