import type {
  OrderCountRow,
  PaymentBinRow,
  WeeklyPaymentRow,
  WeeklyPerCustomerRow,
} from '../../../common/reports/stats';
import { startOfWeek } from '../../../common/time';
import type { OrderSequences } from './order_sequences';
import { ratioOrNull, type PeriodIndex } from './periods';

export const PAYMENT_BINS = 20;

/** Per week from an aggregation: sessions (or orders) and distinct customers. */
export interface WeeklyActivity {
  startMs: number;
  events: number;
  customers: number;
}

/** Weekly events per distinct customer, every week of the index kept. */
export function weeklyPerCustomerRows(
  buckets: readonly WeeklyActivity[],
  weeks: PeriodIndex,
): WeeklyPerCustomerRow[] {
  const rows = weeks.starts.map((_, i) => ({ period: weeks.label(i), events: 0, customers: 0 }));
  for (const bucket of buckets) {
    const i = weeks.indexOf(bucket.startMs);
    if (i < 0) continue;
    rows[i]!.events += bucket.events;
    rows[i]!.customers += bucket.customers;
  }
  return rows.map((row) => ({ ...row, mean: ratioOrNull(row.events, row.customers) }));
}

/**
 * Weekly orders per purchasing customer, exact, from the pass: a customer counts once in each
 * week they ordered in (their orders are sorted, so a week's orders are adjacent).
 */
export function weeklyOrderActivity(
  sequences: OrderSequences,
  weeks: PeriodIndex,
): WeeklyActivity[] {
  const orders = new Float64Array(weeks.starts.length);
  const customers = new Float64Array(weeks.starts.length);
  for (let i = 0; i < sequences.customer.length; i++) {
    let previousWeek = -1;
    for (let row = sequences.offsets[i]!; row < sequences.offsets[i + 1]!; row++) {
      const week = weeks.indexOf(sequences.timeMs[row]!);
      if (week < 0) continue;
      orders[week]!++;
      if (week !== previousWeek) customers[week]!++;
      previousWeek = week;
    }
  }
  return weeks.starts.map((startMs, i) => ({
    startMs,
    events: orders[i]!,
    customers: customers[i]!,
  }));
}

/** Per week from an aggregation: orders and their summed payment. */
export interface WeeklyPayment {
  startMs: number;
  orders: number;
  revenue: number;
}

export function weeklyPaymentRows(
  buckets: readonly WeeklyPayment[],
  weeks: PeriodIndex,
): WeeklyPaymentRow[] {
  const rows = weeks.starts.map((_, i) => ({ period: weeks.label(i), orders: 0, revenue: 0 }));
  for (const bucket of buckets) {
    const i = weeks.indexOf(startOfWeek(bucket.startMs));
    if (i < 0) continue;
    rows[i]!.orders += bucket.orders;
    rows[i]!.revenue += bucket.revenue;
  }
  return rows.map((row) => ({ ...row, mean_payment: ratioOrNull(row.revenue, row.orders) }));
}

/**
 * 20 equal-width bins from the smallest to the largest order amount. When every amount is the
 * same, the width is 0 and the one non-empty bin is the first.
 */
export function paymentDistributionRows(amounts: Float64Array): PaymentBinRow[] {
  if (amounts.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const amount of amounts) {
    if (amount < min) min = amount;
    if (amount > max) max = amount;
  }
  const width = (max - min) / PAYMENT_BINS;
  const lower = (bin: number) => min + bin * width;
  const upper = (bin: number) => (bin === PAYMENT_BINS - 1 ? max : min + (bin + 1) * width);
  const counts = new Array<number>(PAYMENT_BINS).fill(0);
  for (const amount of amounts) {
    let bin = width === 0 ? 0 : Math.min(PAYMENT_BINS - 1, Math.floor((amount - min) / width));
    // Rounding in the division must not put an amount on the wrong side of a stored edge.
    while (bin < PAYMENT_BINS - 1 && amount >= upper(bin) && width > 0) bin++;
    while (bin > 0 && amount < lower(bin)) bin--;
    counts[bin]!++;
  }
  return counts.map((orders, bin) => ({ bin, lower: lower(bin), upper: upper(bin), orders }));
}

/** Customers with exactly n orders, for n = 1 .. the largest count (zero rows kept). */
export function customersByOrderCountRows(sequences: OrderSequences): OrderCountRow[] {
  const counts: number[] = [];
  for (let i = 0; i < sequences.customer.length; i++) {
    const n = sequences.offsets[i + 1]! - sequences.offsets[i]!;
    while (counts.length < n) counts.push(0);
    counts[n - 1]!++;
  }
  return counts.map((customers, i) => ({ order_count: i + 1, customers }));
}
