import type { OrderSequences } from '../../analyses/order_sequences';

/** The CLV models' time unit: whole UTC days. Orders on one day count as one purchase. */
export const TIME_UNIT = 'days';
export const DAY_MS = 86_400_000;

export function dayOf(timeMs: number): number {
  return Math.floor(timeMs / DAY_MS);
}

/** Frequency / recency / age columns, the BG/NBD's input. */
export interface RepeatSummary {
  x: ArrayLike<number>;
  tX: ArrayLike<number>;
  T: ArrayLike<number>;
}

/**
 * One row per customer with a purchase before `endDay` (lifetimes' summary_data_from_transaction_
 * data at daily frequency): x = purchase days after the first, tX = last − first purchase day,
 * T = endDay − first purchase day (≥ 1), meanAmount = mean amount of the repeat purchase days
 * (0 when x = 0), firstAmount = the first day's amount, sequence = the row in `sequences`.
 */
export interface CustomerSummary extends RepeatSummary {
  x: Float64Array;
  tX: Float64Array;
  T: Float64Array;
  meanAmount: Float64Array;
  firstAmount: Float64Array;
  firstDay: Int32Array;
  sequence: Int32Array;
}

export function summarize(sequences: OrderSequences, endDay: number): CustomerSummary {
  const rows: number[][] = [];
  for (let i = 0; i < sequences.customer.length; i++) {
    const start = sequences.offsets[i]!;
    const end = sequences.offsets[i + 1]!;
    const firstDay = dayOf(sequences.timeMs[start]!);
    if (firstDay >= endDay) continue;
    let firstAmount = 0;
    let repeatDays = 0;
    let repeatAmount = 0;
    let lastDay = firstDay;
    for (let row = start; row < end; row++) {
      const day = dayOf(sequences.timeMs[row]!);
      if (day >= endDay) break;
      if (day === firstDay) firstAmount += sequences.amount[row]!;
      else {
        if (day !== lastDay) repeatDays++;
        repeatAmount += sequences.amount[row]!;
        lastDay = day;
      }
    }
    rows.push([
      repeatDays,
      lastDay - firstDay,
      endDay - firstDay,
      repeatDays > 0 ? repeatAmount / repeatDays : 0,
      firstAmount,
      firstDay,
      i,
    ]);
  }
  const column = (k: number): number[] => rows.map((row) => row[k]!);
  return {
    x: Float64Array.from(column(0)),
    tX: Float64Array.from(column(1)),
    T: Float64Array.from(column(2)),
    meanAmount: Float64Array.from(column(3)),
    firstAmount: Float64Array.from(column(4)),
    firstDay: Int32Array.from(column(5)),
    sequence: Int32Array.from(column(6)),
  };
}

/** Amount spent by sequence i on days [fromDay, toDay). */
export function spendBetween(
  sequences: OrderSequences,
  i: number,
  fromDay: number,
  toDay: number,
): number {
  let total = 0;
  for (let row = sequences.offsets[i]!; row < sequences.offsets[i + 1]!; row++) {
    const day = dayOf(sequences.timeMs[row]!);
    if (day >= fromDay && day < toDay) total += sequences.amount[row]!;
  }
  return total;
}
