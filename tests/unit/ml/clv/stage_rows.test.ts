import { describe, expect, it } from 'vitest';
import type { ClvDailyRow } from '../../../../common/reports/clv';
import type { OrderSequences } from '../../../../sidecar/src/analyses/order_sequences';
import { naivePrediction } from '../../../../sidecar/src/ml/clv/forward';
import { keptForecastRows, pAliveRows } from '../../../../sidecar/src/ml/clv/reports';
import { historyProblem } from '../../../../sidecar/src/ml/clv/stage';
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

describe('naive forward prediction', () => {
  it('repeats each customer’s last horizon, per customer and shifted per day', () => {
    // end day 40, horizon 10: the window is days 30–39.
    const sequences = sequencesOf([
      [
        [5, 9],
        [31, 10],
        [31, 5],
        [36, 20],
      ],
      [[12, 7]],
      [[39, 4]],
    ]);
    const summary = summarize(sequences, 40);
    const naive = naivePrediction(sequences, summary, 40, 10);
    expect(Array.from(naive.predictedValue)).toEqual([35, 0, 4]);
    expect(Array.from(naive.expectedPurchases)).toEqual([2, 0, 1]); // days 31 and 36; day 39
    expect(Array.from(naive.dailyTotal)).toEqual([0, 15, 0, 0, 0, 0, 20, 0, 0, 4]);
  });
});

describe('earlier forecasts kept in clv/daily', () => {
  it('keeps other refreshes within a year, actual filled up to the day before the end day', () => {
    const sequences = sequencesOf([
      [
        [19_000, 10],
        [19_001, 5],
      ],
      [[19_001, 2]],
    ]);
    // Day 19,000 is 2022-01-08; the end day 19,002 (2022-01-10) is the first day not yet known.
    const row = (date: string, made_on: string): ClvDailyRow => ({
      date,
      made_on,
      kind: 'forecast',
      method: 'bg_nbd_gamma_gamma',
      predicted: 1,
      actual: null,
    });
    const previous = [
      row('2022-01-08', '2022-01-03'),
      row('2022-01-09', '2022-01-03'),
      row('2022-01-10', '2022-01-03'),
      row('2022-01-09', '2022-01-09'), // the refresh being written now: replaced
      row('2021-01-09', '2020-12-01'), // more than a year old: dropped
      { ...row('2022-01-01', '2022-01-03'), kind: 'backtest' as const },
    ];
    expect(keptForecastRows(previous, sequences, 19_002, '2022-01-09')).toEqual([
      { ...row('2022-01-08', '2022-01-03'), actual: 10 },
      { ...row('2022-01-09', '2022-01-03'), actual: 7 },
      row('2022-01-10', '2022-01-03'),
    ]);
  });
});

describe('P(alive) bins', () => {
  it('counts per 0.05 bin, 1 in the last', () => {
    const rows = pAliveRows(Float64Array.from([0, 0.049, 0.05, 0.5, 0.97, 1]));
    expect(rows).toHaveLength(20);
    expect(rows[0]).toEqual({ from: 0, to: 0.05, customers: 2 });
    expect(rows[1]).toEqual({ from: 0.05, to: 0.1, customers: 1 });
    expect(rows[10]).toEqual({ from: 0.5, to: 0.55, customers: 1 });
    expect(rows[19]).toEqual({ from: 0.95, to: 1, customers: 2 });
    expect(pAliveRows(null)).toEqual([]);
  });
});

describe('not enough history', () => {
  it('says why: nobody before the cutoff, too few customers, no repeat purchases', () => {
    const late = sequencesOf([[[300, 5]]]);
    expect(historyProblem(late, 400)).toMatch(
      /^no customer bought before 1970-08-07 \(now − 182 days\)/,
    );
    const few = sequencesOf(
      Array.from({ length: 10 }, () => [
        [10, 5],
        [20, 5],
      ]),
    );
    expect(historyProblem(few, 400)).toMatch(/^only 10 customer\(s\) bought before .*at least 50/);
    const once = sequencesOf(Array.from({ length: 60 }, () => [[10, 5]]));
    expect(historyProblem(once, 400)).toMatch(/^no customer bought on two days before/);
    const enough = sequencesOf(
      Array.from({ length: 60 }, () => [
        [10, 5],
        [20, 5],
      ]),
    );
    expect(historyProblem(enough, 400)).toBeNull();
  });
});
