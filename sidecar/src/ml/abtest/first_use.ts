import { DAY_MS } from '../../../../common/time';
import type { PassOrders } from '../../analyses/order_sequences';
import type { TimeRange } from '../../analyses/periods';

/**
 * Per customer and entity (promotion or product), the orders in the W days before and after the
 * customer's first use (ANALYSES.md "Promotion / product before–after"): before = [t0 − W, t0),
 * after = (t0, t0 + W]; orders at t0 itself are in neither. Only customers whose both windows lie
 * inside the data (from ≤ t0 − W, t0 + W ≤ now) are kept. Entity e's customers are entries
 * offsets[e] .. offsets[e + 1] − 1.
 */
export interface FirstUseWindows {
  names: readonly string[];
  offsets: Int32Array;
  countBefore: Float64Array;
  countAfter: Float64Array;
  /** Mean payment in the window; NaN when the customer had no order in it. */
  amountBefore: Float64Array;
  amountAfter: Float64Array;
}

export type FirstUseKind = 'promotion' | 'product';

class Entries {
  entity: number[] = [];
  values: number[] = [];
  push(
    entity: number,
    countBefore: number,
    countAfter: number,
    sumBefore: number,
    sumAfter: number,
  ) {
    this.entity.push(entity);
    this.values.push(countBefore, countAfter, sumBefore, sumAfter);
  }
}

/** Entities of the order at pass row `row`. */
function entitiesOf(pass: PassOrders, kind: FirstUseKind, row: number, out: number[]): void {
  out.length = 0;
  const items = pass.items!;
  if (kind === 'promotion') {
    const p = items.promotion[row]!;
    if (p >= 0) out.push(p);
    return;
  }
  for (let k = items.productOffsets[row]!; k < items.productOffsets[row + 1]!; k++) {
    out.push(items.product[k]!);
  }
}

/** One walk over the pass's rows of `dimensionIndex` (−1: all) finding every first use. */
export function firstUseWindows(
  pass: PassOrders,
  kind: FirstUseKind,
  dimensionIndex: number,
  range: TimeRange,
  windowDays: number,
): FirstUseWindows {
  if (!pass.items) throw new Error('the order pass did not record promotions and products');
  const names = kind === 'promotion' ? pass.items.promotionNames : pass.items.productNames;
  const windowMs = windowDays * DAY_MS;
  const seenBy = new Int32Array(names.length).fill(-1);
  const entries = new Entries();
  const rows: number[] = [];
  const used: number[] = [];
  const { timeMs, amount } = pass;
  for (let i = 0; i < pass.customer.length; i++) {
    rows.length = 0;
    for (let row = pass.offsets[i]!; row < pass.offsets[i + 1]!; row++) {
      if (dimensionIndex < 0 || pass.dimension[row] === dimensionIndex) rows.push(row);
    }
    for (let j = 0; j < rows.length; j++) {
      entitiesOf(pass, kind, rows[j]!, used);
      for (const e of used) {
        if (seenBy[e] === i) continue;
        seenBy[e] = i;
        const t0 = timeMs[rows[j]!]!;
        if (t0 - windowMs < range.fromMs || t0 + windowMs > range.nowMs) continue;
        let countBefore = 0;
        let sumBefore = 0;
        for (let k = j - 1; k >= 0 && timeMs[rows[k]!]! >= t0 - windowMs; k--) {
          if (timeMs[rows[k]!]! === t0) continue;
          countBefore++;
          sumBefore += amount[rows[k]!]!;
        }
        let countAfter = 0;
        let sumAfter = 0;
        for (let k = j + 1; k < rows.length && timeMs[rows[k]!]! <= t0 + windowMs; k++) {
          if (timeMs[rows[k]!]! === t0) continue;
          countAfter++;
          sumAfter += amount[rows[k]!]!;
        }
        entries.push(e, countBefore, countAfter, sumBefore, sumAfter);
      }
    }
  }
  return groupByEntity(names, entries);
}

/** Counting sort of the entries by entity. */
function groupByEntity(names: readonly string[], entries: Entries): FirstUseWindows {
  const n = entries.entity.length;
  const offsets = new Int32Array(names.length + 1);
  for (const e of entries.entity) offsets[e + 1]!++;
  for (let e = 0; e < names.length; e++) offsets[e + 1]! += offsets[e]!;
  const next = offsets.slice(0, names.length);
  const countBefore = new Float64Array(n);
  const countAfter = new Float64Array(n);
  const amountBefore = new Float64Array(n);
  const amountAfter = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const at = next[entries.entity[k]!]!++;
    const v = entries.values;
    const cb = v[4 * k]!;
    const ca = v[4 * k + 1]!;
    const sb = v[4 * k + 2]!;
    const sa = v[4 * k + 3]!;
    countBefore[at] = cb;
    countAfter[at] = ca;
    amountBefore[at] = cb > 0 ? sb / cb : NaN;
    amountAfter[at] = ca > 0 ? sa / ca : NaN;
  }
  return { names, offsets, countBefore, countAfter, amountBefore, amountAfter };
}

/** Entity e's per-customer values of one metric (amount: customers with orders on both sides). */
export function entityValues(
  windows: FirstUseWindows,
  e: number,
  metric: 'amount' | 'count',
): { before: Float64Array; after: Float64Array } {
  const from = windows.offsets[e]!;
  const to = windows.offsets[e + 1]!;
  if (metric === 'count') {
    return {
      before: windows.countBefore.subarray(from, to),
      after: windows.countAfter.subarray(from, to),
    };
  }
  const before: number[] = [];
  const after: number[] = [];
  for (let k = from; k < to; k++) {
    if (windows.countBefore[k]! > 0 && windows.countAfter[k]! > 0) {
      before.push(windows.amountBefore[k]!);
      after.push(windows.amountAfter[k]!);
    }
  }
  return { before: Float64Array.from(before), after: Float64Array.from(after) };
}
