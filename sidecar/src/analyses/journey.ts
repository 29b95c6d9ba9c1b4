import type { JourneyRow } from '../../../common/reports/journey';
import { HOUR_MS } from '../../../common/time';
import type { OrderSequences } from './order_sequences';

class Mean {
  sum = 0;
  count = 0;
  add(value: number): void {
    this.sum += value;
    this.count++;
  }
  get value(): number | null {
    return this.count === 0 ? null : this.sum / this.count;
  }
}

/**
 * `journey/average`: the average customer's path. Order numbers run up to N = the mean order count
 * rounded down (at least 1); each mean is over the customers who reached that order.
 */
export function journeyRows(
  sequences: OrderSequences,
  downloadMs: Float64Array,
  nowMs: number,
): JourneyRow[] {
  const customers = sequences.customer.length;
  const totalOrders = sequences.timeMs.length;
  const depth = customers === 0 ? 1 : Math.max(1, Math.floor(totalOrders / customers));
  const toFirst = new Mean();
  const sinceLast = new Mean();
  const allGaps = new Mean();
  const amounts = Array.from({ length: depth }, () => new Mean());
  const gaps = Array.from({ length: depth - 1 }, () => new Mean());
  for (let i = 0; i < customers; i++) {
    const start = sequences.offsets[i]!;
    const end = sequences.offsets[i + 1]!;
    const download = downloadMs[sequences.customer[i]!] ?? NaN;
    if (!Number.isNaN(download)) toFirst.add((sequences.timeMs[start]! - download) / HOUR_MS);
    sinceLast.add((nowMs - sequences.timeMs[end - 1]!) / HOUR_MS);
    for (let row = start; row < end; row++) {
      const k = row - start;
      if (k < depth) amounts[k]!.add(sequences.amount[row]!);
      if (row + 1 < end) {
        const gapHours = (sequences.timeMs[row + 1]! - sequences.timeMs[row]!) / HOUR_MS;
        allGaps.add(gapHours);
        if (k < depth - 1) gaps[k]!.add(gapHours);
      }
    }
  }
  const row = (metric: JourneyRow['metric'], orderNumber: number | null, mean: Mean) => ({
    metric,
    order_number: orderNumber,
    value: mean.value,
    customers: mean.count,
  });
  return [
    row('hours_download_to_first_order', null, toFirst),
    ...amounts.map((mean, k) => row('order_amount', k + 1, mean)),
    ...gaps.map((mean, k) => row('hours_between_orders', k + 1, mean)),
    row('hours_between_orders', null, allGaps),
    row('hours_since_last_order', null, sinceLast),
  ];
}
