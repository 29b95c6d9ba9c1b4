import { describe, expect, it } from 'vitest';
import type { OrderSequences } from '../../../../sidecar/src/analyses/order_sequences';
import { Random } from '../../../../sidecar/src/demo/random';
import { backtest } from '../../../../sidecar/src/ml/clv/backtest';
import { DAY_MS, summarize } from '../../../../sidecar/src/ml/clv/summary';

/** Order sequences from [day, amount] lists, one list per customer, times at 10:00 UTC. */
function sequencesOf(customers: [number, number][][]): OrderSequences {
  const offsets = [0];
  const timeMs: number[] = [];
  const amount: number[] = [];
  for (const orders of customers) {
    for (const [day, value] of orders) {
      timeMs.push(day * DAY_MS + 10 * 3_600_000);
      amount.push(value);
    }
    offsets.push(timeMs.length);
  }
  return {
    customer: Int32Array.from(customers.map((_, i) => i)),
    offsets: Int32Array.from(offsets),
    timeMs: Float64Array.from(timeMs),
    amount: Float64Array.from(amount),
  };
}

/** Shop history drawn from BG/NBD + Gamma-Gamma, customers joining uniformly over `days`. */
function simulatedShop(customers: number, days: number, seed: number): OrderSequences {
  const random = Random.stream(seed, 'shop');
  const histories: [number, number][][] = [];
  for (let c = 0; c < customers; c++) {
    const joinDay = Math.floor(random.uniform() * days);
    const rate = random.gamma(0.5, 1 / 20);
    const dropout = random.beta(1.2, 4);
    const nu = random.gamma(4, 1 / 15);
    const orders: [number, number][] = [[joinDay, random.gamma(6, 1 / nu)]];
    for (let time = joinDay; ;) {
      time += random.exponential(rate);
      if (time >= days) break;
      orders.push([Math.floor(time), random.gamma(6, 1 / nu)]);
      if (random.bernoulli(dropout)) break;
    }
    histories.push(orders);
  }
  return sequencesOf(histories);
}

describe('summarize (daily frequency, as lifetimes at freq D)', () => {
  it('counts repeat purchase days, not orders, and ignores orders from the end day on', () => {
    const sequences = sequencesOf([
      [
        [10, 5],
        [10, 7],
        [14, 20],
        [14, 10],
        [20, 6],
        [30, 99],
      ],
      [[25, 8]],
      [[30, 4]],
    ]);
    const summary = summarize(sequences, 30);
    expect(Array.from(summary.x)).toEqual([2, 0]);
    expect(Array.from(summary.tX)).toEqual([10, 0]);
    expect(Array.from(summary.T)).toEqual([20, 5]);
    expect(Array.from(summary.meanAmount)).toEqual([18, 0]); // days 14 (30) and 20 (6)
    expect(Array.from(summary.firstAmount)).toEqual([12, 8]);
    expect(Array.from(summary.sequence)).toEqual([0, 1]);
  });
});

describe('backtest', () => {
  it('scores the naive baseline by repeating the previous horizon, per customer and per day', () => {
    // now = day 40, horizon 10: fit before day 30, previous window days 20–29, horizon 30–39.
    const sequences = sequencesOf([
      [
        [2, 10],
        [9, 10],
        [15, 10],
        [22, 30],
        [33, 50],
      ],
      [
        [5, 20],
        [12, 20],
        [18, 20],
        [25, 40],
      ],
      [
        [1, 15],
        [8, 15],
        [16, 15],
        [31, 15],
      ],
    ]);
    const result = backtest(sequences, 40, 10);
    expect(result.cutoffDay).toBe(30);
    expect(result.customers).toBe(3);
    // Previous-window spend 30, 40, 0 vs horizon spend 50, 0, 15: |−20| + 40 + |−15| = 75.
    expect(result.scores.naive.customerMae).toBeCloseTo(75 / 3, 12);
    expect(result.scores.naive.customerBias).toBeCloseTo((-20 + 40 - 15) / 3, 12);
    // Days 22 and 25 shift onto 32 and 35; actual days 31 and 33: |30|+|40|+|15|+|50| over 10.
    expect(result.scores.naive.dailyTotalMae).toBeCloseTo(135 / 10, 12);
    expect(result.daily.actual[1]).toBe(15);
    expect(result.daily.naive[2]).toBe(30);
  });

  it('on data drawn from BG/NBD + Gamma-Gamma the model beats the naive baseline (MAE ratio ≤ 0.9)', () => {
    const result = backtest(simulatedShop(3000, 900, 7), 900);
    const ratio = result.scores.bg_nbd_gamma_gamma.customerMae / result.scores.naive.customerMae;
    expect(ratio).toBeLessThanOrEqual(0.9);
    expect(result.better).toBe('bg_nbd_gamma_gamma');
    expect(result.reason).toMatch(/^BG\/NBD \+ Gamma-Gamma is better/);
    expect(result.timeUnit).toBe('days');
  });

  it('gives identical results for the same data', () => {
    const sequences = simulatedShop(400, 600, 3);
    expect(backtest(sequences, 600)).toEqual(backtest(sequences, 600));
  });
});
