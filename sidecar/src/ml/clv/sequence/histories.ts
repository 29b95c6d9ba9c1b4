import type { OrderSequences } from '../../../analyses/order_sequences';
import { dayOf, type CustomerSummary } from '../summary';

/**
 * Each summary row's purchase DAYS before `endDay` (orders on one UTC day are one purchase, as in
 * summary.ts) with that day's amount, flattened: row k's purchases are offsets[k] .. offsets[k+1]-1,
 * oldest first. Rows follow the summary, so every row has at least one purchase day.
 */
export interface PurchaseHistories {
  offsets: Int32Array;
  day: Int32Array;
  amount: Float64Array;
}

export function purchaseHistories(
  sequences: OrderSequences,
  summary: CustomerSummary,
  endDay: number,
): PurchaseHistories {
  const rows = summary.sequence.length;
  let capacity = 0;
  for (let k = 0; k < rows; k++) {
    const i = summary.sequence[k]!;
    capacity += sequences.offsets[i + 1]! - sequences.offsets[i]!;
  }
  const offsets = new Int32Array(rows + 1);
  const day = new Int32Array(capacity);
  const amount = new Float64Array(capacity);
  let out = 0;
  for (let k = 0; k < rows; k++) {
    const i = summary.sequence[k]!;
    for (let row = sequences.offsets[i]!; row < sequences.offsets[i + 1]!; row++) {
      const orderDay = dayOf(sequences.timeMs[row]!);
      if (orderDay >= endDay) break;
      if (out > offsets[k]! && day[out - 1] === orderDay) {
        amount[out - 1]! += sequences.amount[row]!;
        continue;
      }
      day[out] = orderDay;
      amount[out] = sequences.amount[row]!;
      out++;
    }
    offsets[k + 1] = out;
    if (out === offsets[k]) {
      throw new Error(
        `CLV sequence model: summary row ${k} (sequence ${i}) has no purchase before day ${endDay}; the summary must be built with the same endDay`,
      );
    }
  }
  return { offsets, day: day.slice(0, out), amount: amount.slice(0, out) };
}

export function purchaseCount(histories: PurchaseHistories, k: number): number {
  return histories.offsets[k + 1]! - histories.offsets[k]!;
}
