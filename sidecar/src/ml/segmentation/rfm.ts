import { DAY_MS } from '../../../../common/time';
import type { OrderSequences } from '../../analyses/order_sequences';

/**
 * RFM per customer (../../../../shared/ANALYSES.md, "RFM"), as columns over the customers with ≥ 1
 * order before the evaluation time. `sequence[j]` is the customer's sequence in the input and
 * `customer[j]` their index in the run's customer dictionary. Frequency is NaN for one order.
 */
export interface RfmColumns {
  evaluatedAtMs: number;
  sequence: Int32Array;
  customer: Int32Array;
  orderCount: Int32Array;
  totalSpend: Float64Array;
  firstMs: Float64Array;
  lastMs: Float64Array;
  recencyDays: Float64Array;
  frequencyDays: Float64Array;
  monetary: Float64Array;
}

/**
 * The one place that knows how the pass stores order amounts: as currency units in a Float64Array
 * `amount` today, possibly as integer cents (`amountCents`, or an integer-typed `amount`) later.
 * Everything here reads amounts in currency units through it.
 */
export function orderAmounts(sequences: OrderSequences): ArrayLike<number> {
  const columns = sequences as unknown as {
    amount?: ArrayLike<number>;
    amountCents?: ArrayLike<number>;
  };
  const cents =
    columns.amountCents ?? (columns.amount instanceof Float64Array ? undefined : columns.amount);
  if (cents === undefined) {
    if (!columns.amount) throw new Error('the order pass has no amount column');
    return columns.amount;
  }
  const units = new Float64Array(cents.length);
  for (let row = 0; row < cents.length; row++) units[row] = cents[row]! / 100;
  return units;
}

/** How many of rows start..end-1 (sorted by time) are before t, or at t when `inclusive`. */
function ordersUpTo(
  timeMs: Float64Array,
  start: number,
  end: number,
  tMs: number,
  inclusive: boolean,
): number {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const t = timeMs[mid]!;
    if (t < tMs || (inclusive && t === tMs)) lo = mid + 1;
    else hi = mid;
  }
  return lo - start;
}

/**
 * RFM as of `tMs` from the orders before it. `inclusive` also counts orders at exactly t: the run
 * evaluates at `now`, which by default is the latest session itself.
 */
export function rfmAt(
  sequences: OrderSequences,
  tMs: number,
  inclusive: boolean,
  amounts: ArrayLike<number> = orderAmounts(sequences),
): RfmColumns {
  const sequenceCount = sequences.customer.length;
  const counts = new Int32Array(sequenceCount);
  let buyers = 0;
  for (let i = 0; i < sequenceCount; i++) {
    const start = sequences.offsets[i]!;
    counts[i] = ordersUpTo(sequences.timeMs, start, sequences.offsets[i + 1]!, tMs, inclusive);
    if (counts[i]! > 0) buyers++;
  }
  const columns: RfmColumns = {
    evaluatedAtMs: tMs,
    sequence: new Int32Array(buyers),
    customer: new Int32Array(buyers),
    orderCount: new Int32Array(buyers),
    totalSpend: new Float64Array(buyers),
    firstMs: new Float64Array(buyers),
    lastMs: new Float64Array(buyers),
    recencyDays: new Float64Array(buyers),
    frequencyDays: new Float64Array(buyers),
    monetary: new Float64Array(buyers),
  };
  let j = 0;
  for (let i = 0; i < sequenceCount; i++) {
    const n = counts[i]!;
    if (n === 0) continue;
    const start = sequences.offsets[i]!;
    let spend = 0;
    for (let row = start; row < start + n; row++) spend += amounts[row]!;
    const first = sequences.timeMs[start]!;
    const last = sequences.timeMs[start + n - 1]!;
    columns.sequence[j] = i;
    columns.customer[j] = sequences.customer[i]!;
    columns.orderCount[j] = n;
    columns.totalSpend[j] = spend;
    columns.firstMs[j] = first;
    columns.lastMs[j] = last;
    columns.recencyDays[j] = (tMs - last) / DAY_MS;
    columns.frequencyDays[j] = n >= 2 ? (last - first) / (n - 1) / DAY_MS : NaN;
    columns.monetary[j] = spend / n;
    j++;
  }
  return columns;
}
