import type { CustomerTable } from './customer_table';

/**
 * Distinct clients with a session, exact, per context slot (0 = all sessions, d + 1 = dimension
 * value d): over the whole range, in each KPI window, and per week of the range.
 */
export interface Visitors {
  total: Int32Array;
  last7: Int32Array;
  previous7: Int32Array;
  /** [slot][week]: distinct clients with a session in that week. */
  weekly: Int32Array[];
}

/** Keys of (customer, slot) pairs, to count each pair once however many weeks it came from. */
class PairKeys {
  private data = new Float64Array(1024);
  private length = 0;

  push(key: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = key;
  }

  /** Distinct pairs per slot. */
  countBySlot(slots: number): Int32Array {
    const keys = this.data.subarray(0, this.length).sort();
    const counts = new Int32Array(slots);
    for (let i = 0; i < keys.length; i++) {
      if (i > 0 && keys[i] === keys[i - 1]) continue;
      counts[keys[i]! % slots]!++;
    }
    return counts;
  }
}

/**
 * Counts visitors from (client, dimension value) buckets computed week by week: each week's
 * buckets arrive sorted by client, so a client's buckets of one week are adjacent and the `all`
 * slot counts them once; a (client, value) pair is one bucket of its week. A KPI window spans
 * two weeks, so its (customer, slot) pairs are kept as keys and counted once at the end.
 */
export class VisitorCounter {
  private readonly weekly: Int32Array[];
  private readonly lastCustomer: Int32Array;
  private readonly last7 = new PairKeys();
  private readonly previous7 = new PairKeys();

  constructor(
    private readonly slots: number,
    weeks: number,
  ) {
    this.weekly = Array.from({ length: slots }, () => new Int32Array(weeks));
    this.lastCustomer = new Int32Array(weeks).fill(-1);
  }

  /**
   * One bucket of week `week`: `customer` had a session in dimension value `dimensionIndex` (-1 =
   * none: it counts for all only), some of them in the last / previous 7 days.
   */
  add(
    week: number,
    customer: number,
    dimensionIndex: number,
    inLast7: boolean,
    inPrevious7: boolean,
  ): void {
    if (dimensionIndex >= this.slots - 1) {
      throw new Error(
        `dimension index ${dimensionIndex} outside the run's ${this.slots - 1} values`,
      );
    }
    const firstOfWeek = this.lastCustomer[week] !== customer;
    this.lastCustomer[week] = customer;
    if (firstOfWeek) this.weekly[0]![week]!++;
    if (dimensionIndex >= 0) this.weekly[dimensionIndex + 1]![week]!++;
    for (const [inWindow, keys] of [
      [inLast7, this.last7],
      [inPrevious7, this.previous7],
    ] as const) {
      if (!inWindow) continue;
      keys.push(customer * this.slots);
      if (dimensionIndex >= 0) keys.push(customer * this.slots + dimensionIndex + 1);
    }
  }

  /** The counts; totals are the customers with a first session in each slot of `table`. */
  build(table: CustomerTable): Visitors {
    const total = new Int32Array(this.slots);
    table.firstSessionMs.forEach((column, slot) => {
      for (let i = 0; i < column.length; i++) if (!Number.isNaN(column[i])) total[slot]!++;
    });
    return {
      total,
      last7: this.last7.countBySlot(this.slots),
      previous7: this.previous7.countBySlot(this.slots),
      weekly: this.weekly,
    };
  }
}
